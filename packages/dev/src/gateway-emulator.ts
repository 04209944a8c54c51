/**
 * Gateway emulator: a stateless MCP streamable-HTTP endpoint per gateway (`/gateways/<name>/mcp`) with the
 * gateway's inbound auth, listing its mcpServer targets' tools as `<target>___<tool>` and forwarding calls.
 * The MCP SDK is imported lazily (only when a gateway request arrives).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundStrategy, VerifyOptions } from '@agentcore/auth';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { errorText, inboundRequest, sendDenial, sendJson, strategyFailure } from './http-util.js';
import { decideInbound } from './inbound.js';
import { DecisionCache } from './decision-cache.js';
import {
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  outboundFetch,
  upstreamFailure,
  upstreamLimit,
  type TargetEntry,
} from './outbound.js';
import { withResourceMetadata } from './resource-metadata.js';
import { devMessages } from './messages.js';

export const TOOL_SEPARATOR = '___';
/** `_meta` key of a `tools/list` result naming the targets whose tools are missing from it, and why. */
export const UNAVAILABLE_TARGETS_META = 'agentcore.dev/unavailableTargets';

export interface UnavailableTarget {
  target: string;
  reason: string;
}

export interface GatewayToolList {
  tools: Tool[];
  unavailable: UnavailableTarget[];
}

/** Pages of `tools/list` read from one target: an upstream that never stops paginating is cut off. */
const MAX_TOOL_PAGES = 100;
const MAX_MCP_BODY = 10 * 1024 * 1024;

export interface GatewayEntry {
  name: string;
  type: string;
  strategy?: InboundStrategy;
  config: unknown;
  targets: TargetEntry[];
}

export interface GatewayHandlerOptions {
  baseUrl: () => string;
  log: (line: string) => void;
  verifyOptions?: VerifyOptions;
  /** Positive-decision cache TTL (0 disables; default 30 s). */
  decisionTtlMs?: number;
  upstreamTimeoutMs?: number;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MCP_BODY) throw Object.assign(new Error(devMessages().get('error.BodyTooLarge')), { status: 413 });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw Object.assign(new Error(devMessages().get('error.BodyNotJson')), { status: 400 });
  }
}

export function createGatewayHandler(options: GatewayHandlerOptions) {
  /** One connected client per target, reused; dropped on any failure so the next call reconnects. */
  const clients = new Map<TargetEntry, Promise<Client>>();
  const decisions = new DecisionCache({ ttlMs: options.decisionTtlMs });
  const limits = { timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS };
  // The MCP client's own request timeout is only a backstop: the fetch limit fires first, with a precise error.
  const sdkTimeout = limits.timeoutMs + 1000;

  async function connect(target: TargetEntry): Promise<Client> {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const client = new Client({ name: 'agentcore-dev-gateway', version: '0.1.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(target.endpoint), { fetch: outboundFetch(target, fetch, limits) }),
      { timeout: sdkTimeout },
    );
    return client;
  }

  async function withClient<T>(target: TargetEntry, fn: (c: Client) => Promise<T>): Promise<T> {
    const { McpError, ErrorCode } = await import('@modelcontextprotocol/sdk/types.js');
    if (target.unavailable)
      throw new McpError(
        ErrorCode.InternalError,
        devMessages().get('error.TargetUnavailable', { target: target.name, reason: target.unavailable }),
      );
    let pending = clients.get(target);
    if (!pending) {
      pending = connect(target);
      clients.set(target, pending);
    }
    try {
      return await fn(await pending);
    } catch (err) {
      clients.delete(target);
      void pending.then(
        (c) => c.close(),
        () => undefined,
      );
      const message = upstreamFailure(target, err);
      options.log(devMessages().get('log.Gateway', { text: message }));
      const limit = upstreamLimit(err);
      throw new McpError(
        ErrorCode.InternalError,
        message,
        limit ? { code: limit.code, target: target.name } : undefined,
      );
    }
  }

  async function listTarget(target: TargetEntry): Promise<Tool[]> {
    const listed = await withClient(target, async (c) => {
      const all: Tool[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        if (++pages > MAX_TOOL_PAGES)
          throw new Error(devMessages().get('error.TooManyToolPages', { pages: MAX_TOOL_PAGES }));
        const page = await c.listTools(cursor ? { cursor } : {}, { timeout: sdkTimeout });
        all.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    });
    return listed.map((tool) => ({ ...tool, name: `${target.name}${TOOL_SEPARATOR}${tool.name}` }));
  }

  /**
   * The tools of every target, asked in parallel. A target that fails does not fail the list: its tools are left
   * out, and it is named in `unavailable` (sent to the MCP client in `_meta`, and logged). Only when every target
   * fails is the list itself an error.
   */
  async function listTools(gw: GatewayEntry): Promise<GatewayToolList> {
    const results = await Promise.allSettled(gw.targets.map((t) => listTarget(t)));
    const tools: Tool[] = [];
    const unavailable: UnavailableTarget[] = [];
    results.forEach((r, i) => {
      const target = gw.targets[i]?.name ?? '';
      if (r.status === 'fulfilled') tools.push(...r.value);
      else unavailable.push({ target, reason: errorText(r.reason).replace(/^MCP error -?\d+: /, '') });
    });
    if (unavailable.length > 0 && unavailable.length === results.length) {
      const { McpError, ErrorCode } = await import('@modelcontextprotocol/sdk/types.js');
      throw new McpError(
        ErrorCode.InternalError,
        devMessages().get('error.NoTargetListed', {
          gateway: gw.name,
          reasons: unavailable.map((u) => u.reason).join(' '),
        }),
        { unavailableTargets: unavailable },
      );
    }
    for (const u of unavailable)
      options.log(devMessages().get('log.TargetSkipped', { gateway: gw.name, target: u.target, reason: u.reason }));
    return { tools, unavailable };
  }

  async function callTool(gw: GatewayEntry, name: string, args: Record<string, unknown> | undefined) {
    const { McpError, ErrorCode } = await import('@modelcontextprotocol/sdk/types.js');
    const at = name.indexOf(TOOL_SEPARATOR);
    const target = at > 0 ? gw.targets.find((t) => t.name === name.slice(0, at)) : undefined;
    if (!target)
      throw new McpError(
        ErrorCode.InvalidParams,
        devMessages().get('error.UnknownTool', { name, gateway: gw.name, separator: TOOL_SEPARATOR }),
      );
    const tool = name.slice(at + TOOL_SEPARATOR.length);
    return withClient(target, (c) =>
      c.callTool({ name: tool, arguments: args ?? {} }, undefined, { timeout: sdkTimeout }),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse, gw: GatewayEntry): Promise<void> {
    let decision;
    try {
      decision = await decideInbound(
        gw.type,
        gw.strategy,
        gw.config,
        inboundRequest(req, options.baseUrl()),
        options.verifyOptions,
        { store: decisions, scope: gw.name },
      );
    } catch (err) {
      req.resume();
      options.log(
        devMessages().get('log.StrategyThrew', {
          resource: `gateway ${gw.name}`,
          type: gw.type,
          reason: errorText(err),
        }),
      );
      return sendDenial(res, strategyFailure(gw.type));
    }
    if (!decision.ok) {
      req.resume();
      const here = `${options.baseUrl()}${new URL(req.url ?? '/', 'http://x').pathname}`;
      return sendDenial(res, withResourceMetadata(decision.denial, here, gw.config));
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJson(req) : undefined;
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      return sendJson(res, status, {
        jsonrpc: '2.0',
        error: { code: -32700, message: (err as Error).message },
        id: null,
      });
    }
    const { Server } = await import('@modelcontextprotocol/sdk/server/index.js');
    const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
    const { ListToolsRequestSchema, CallToolRequestSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const server = new Server(
      { name: `agentcore-dev-gateway-${gw.name}`, version: '0.1.0' },
      { capabilities: { tools: {} } },
    );
    server.setRequestHandler(ListToolsRequestSchema, async () => {
      const { tools, unavailable } = await listTools(gw);
      return unavailable.length ? { tools, _meta: { [UNAVAILABLE_TARGETS_META]: unavailable } } : { tools };
    });
    server.setRequestHandler(CallToolRequestSchema, async (r) => callTool(gw, r.params.name, r.params.arguments));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function close(): Promise<void> {
    const all = [...clients.values()];
    clients.clear();
    await Promise.all(
      all.map((p) =>
        p.then(
          (c) => c.close(),
          () => undefined,
        ),
      ),
    );
  }

  return { handle, close, listTools, callTool };
}
