/**
 * MCP over streamable HTTP to an AgentCore runtime (its invocations URL) or a gateway (its MCP URL), with the
 * `@modelcontextprotocol/sdk` client. A custom `fetch` puts the invocation's auth (bearer or SigV4, signed per
 * request) and AgentCore headers on every request; the SDK keeps the `Mcp-Session-Id` it was given across calls.
 * The SDK is imported lazily, on the first connection.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { authorizeRequest, type InvokeAuth } from './authorize.js';
import { resolveInvokeUrl, runtimeInvocationUrl, type InvokeTarget } from './endpoint.js';
import { InvokeError } from './errors.js';
import { SESSION_ID_HEADER, USER_ID_HEADER } from './headers.js';
import { httpError, transportError } from './http-errors.js';
import { invokeMessages } from './messages.js';

export const MCP_SESSION_HEADER = 'mcp-session-id';

export interface McpConnectOptions {
  /** A runtime (ARN → its invocations URL with `?qualifier=DEFAULT`, or a local URL) or any MCP URL (a gateway). */
  target: InvokeTarget;
  auth: InvokeAuth;
  /** Extra headers on every request. */
  headers?: Readonly<Record<string, string>>;
  /** `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id` (runtimes). */
  sessionId?: string;
  userId?: string;
  /** Resume an MCP session (`Mcp-Session-Id`) from an earlier connection. */
  mcpSessionId?: string;
  signal?: AbortSignal;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
  /** Names the peer in messages: "runtime" or "gateway". */
  peer?: string;
}

export interface McpToolList {
  tools: Tool[];
  /** The result's `_meta` (e.g. a gateway naming targets it could not list). */
  meta: Record<string, unknown>;
}

export interface McpConnection {
  readonly url: string;
  /** The `Mcp-Session-Id` the server assigned, if any. */
  readonly mcpSessionId: string | undefined;
  /** Every tool (all pages), and the `_meta` the server sent with them (pages merged). */
  listTools(): Promise<McpToolList>;
  callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** The URL an MCP client posts to: a runtime's invocations URL (qualifier DEFAULT when deployed), else the URL as given. */
export function mcpUrl(target: InvokeTarget): string {
  if (target.kind === 'runtime')
    return runtimeInvocationUrl(target.arn, { ...target, qualifier: target.qualifier ?? 'DEFAULT' });
  return resolveInvokeUrl(target);
}

interface LastFailure {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function bodyOf(init: RequestInit | undefined): string {
  return typeof init?.body === 'string' ? init.body : '';
}

/** A fetch that authorizes each request and remembers the last non-2xx answer (for a coded error with the reason). */
function authorizingFetch(options: McpConnectOptions, url: string, failures: { last?: LastFailure }) {
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    if (options.sessionId) headers[SESSION_ID_HEADER] = options.sessionId;
    if (options.userId) headers[USER_ID_HEADER] = options.userId;
    const method = init?.method ?? 'GET';
    const signed = await authorizeRequest(options.auth, {
      url: String(input),
      method,
      headers,
      body: bodyOf(init),
      target: options.target,
    });
    let response: Response;
    try {
      response = await fetch(input, {
        ...init,
        headers: signed,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      throw transportError(url, err, options.signal);
    }
    // GET (the optional server-to-client stream) may be refused with 405: the SDK handles that itself.
    if (!response.ok && !(method === 'GET' && response.status === 405)) {
      const h: Record<string, string> = {};
      response.headers.forEach((value, key) => (h[key] = value));
      failures.last = {
        status: response.status,
        headers: h,
        body: await response
          .clone()
          .text()
          .catch(() => ''),
      };
    }
    return response;
  };
}

async function toInvokeError(err: unknown, url: string, failures: { last?: LastFailure }, options: McpConnectOptions) {
  if (err instanceof InvokeError) return err;
  const status = (err as { code?: unknown }).code;
  if (failures.last && typeof status === 'number' && status === failures.last.status)
    return httpError(url, failures.last.status, failures.last.headers, failures.last.body, options.auth.kind);
  const { McpError } = await import('@modelcontextprotocol/sdk/types.js');
  if (err instanceof McpError) {
    return new InvokeError(
      'ERR_INVOKE_PROTOCOL',
      invokeMessages().get('error.McpError', {
        peer: options.peer ?? invokeMessages().get('error.McpError.server'),
        reason: err.message,
      }),
      {
        actions: invokeMessages().list('error.McpError.actions'),
        details: { url, mcpCode: err.code },
      },
    );
  }
  if (options.signal?.aborted) return transportError(url, err, options.signal);
  return new InvokeError(
    'ERR_INVOKE_PROTOCOL',
    invokeMessages().get('error.McpFailed', { url, reason: (err as Error).message }),
    {
      actions: invokeMessages().list('error.McpFailed.actions'),
      details: { url },
      cause: err,
    },
  );
}

/** Connect (MCP `initialize`) and return a connection for tool calls. Errors are InvokeError. */
export async function connectMcp(options: McpConnectOptions): Promise<McpConnection> {
  const url = mcpUrl(options.target);
  const failures: { last?: LastFailure } = {};
  const timeout = options.timeoutMs ?? 60_000;
  const [{ Client }, { StreamableHTTPClientTransport }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
  ]);
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: authorizingFetch(options, url, failures),
    ...(options.mcpSessionId ? { sessionId: options.mcpSessionId } : {}),
  });
  const client: Client = new Client({ name: 'agentcore-cli', version: '0.1.0' });
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw await toInvokeError(err, url, failures, options);
    }
  };
  const requestOptions = { timeout, ...(options.signal ? { signal: options.signal } : {}) };
  await guard(() => client.connect(transport, requestOptions));
  return {
    url,
    get mcpSessionId() {
      return transport.sessionId;
    },
    listTools: () =>
      guard(async () => {
        const tools: Tool[] = [];
        let meta: Record<string, unknown> = {};
        let cursor: string | undefined;
        do {
          const page = await client.listTools(cursor ? { cursor } : {}, requestOptions);
          tools.push(...page.tools);
          meta = { ...meta, ...page._meta };
          cursor = page.nextCursor;
        } while (cursor);
        return { tools, meta };
      }),
    callTool: (name, args) =>
      guard(
        async () => (await client.callTool({ name, arguments: args }, undefined, requestOptions)) as CallToolResult,
      ),
    close: () => client.close().catch(() => undefined),
  };
}
