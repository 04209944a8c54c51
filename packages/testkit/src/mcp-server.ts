/**
 * A real MCP server (`@modelcontextprotocol/sdk`, streamable HTTP, stateless, JSON responses) on 127.0.0.1:0,
 * optionally guarded by an API key that must sit exactly where configured (a header or a query parameter).
 * It records what it received, so tests can assert what an upstream would see.
 *
 *   const mcp = await startMcpServer({ auth: { location: 'HEADER', name: 'Authorization', value: 'Bearer k' } });
 *   // mcp.url → http://127.0.0.1:<port>/mcp ; mcp.requests → [{ method, url, headers, authorized }]
 *   await mcp.close();
 *
 * Tools: `add` ({a, b} → "a+b") and `echo` ({text} → text), plus any `tools` given.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface McpServerAuth {
  location: 'HEADER' | 'QUERY_PARAMETER';
  /** Header name (case-insensitive) or query-parameter name (exact). */
  name: string;
  /** The full expected value, prefix included (e.g. `Bearer k`); compared exactly, after URL-decoding for queries. */
  value: string;
}

export interface McpTestTool {
  name: string;
  description: string;
  /** zod raw shape of the arguments, e.g. `{ text: z.string() }`. */
  inputSchema: Record<string, z.ZodType>;
  run(args: Record<string, unknown>): string | Promise<string>;
}

export interface StartMcpServerOptions {
  /** Omit for an open server. */
  auth?: McpServerAuth;
  tools?: readonly McpTestTool[];
  /** Path served (default `/mcp`); other paths get 404. */
  path?: string;
}

export interface RecordedMcpRequest {
  method: string;
  /** Path and query as received, e.g. `/mcp?api_key=k`. */
  url: string;
  /** Lower-case header names, as Node parses them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  authorized: boolean;
}

export interface TestMcpServer {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  /** Every request received, oldest first (rejected ones included). */
  readonly requests: readonly RecordedMcpRequest[];
  lastRequest(): RecordedMcpRequest | undefined;
  close(): Promise<void>;
}

const BUILTIN_TOOLS: readonly McpTestTool[] = [
  {
    name: 'add',
    description: 'Add two numbers',
    inputSchema: { a: z.number(), b: z.number() },
    run: (args) => String(Number(args.a) + Number(args.b)),
  },
  {
    name: 'echo',
    description: 'Echo the text back',
    inputSchema: { text: z.string() },
    run: (args) => String(args.text),
  },
];

function buildServer(tools: readonly McpTestTool[]): McpServer {
  const server = new McpServer({ name: 'agentcore-test-mcp', version: '0.0.1' });
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: tool.inputSchema },
      async (args: Record<string, unknown>) => ({
        content: [{ type: 'text' as const, text: await tool.run(args) }],
      }),
    );
  }
  return server;
}

/** Whether the key is exactly where `auth` says. */
export function isMcpRequestAuthorized(
  auth: McpServerAuth | undefined,
  url: URL,
  headers: http.IncomingHttpHeaders,
): boolean {
  if (!auth) return true;
  if (auth.location === 'QUERY_PARAMETER')
    return url.searchParams.getAll(auth.name).length === 1 && url.searchParams.get(auth.name) === auth.value;
  return headers[auth.name.toLowerCase()] === auth.value;
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startMcpServer(options: StartMcpServerOptions = {}): Promise<TestMcpServer> {
  const path = options.path ?? '/mcp';
  const tools = [...BUILTIN_TOOLS, ...(options.tools ?? [])];
  const requests: RecordedMcpRequest[] = [];
  const httpServer = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const authorized = isMcpRequestAuthorized(options.auth, url, req.headers);
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, authorized });
      if (url.pathname !== path) return sendJson(res, 404, { error: 'not found' });
      if (!authorized)
        return sendJson(res, 401, { jsonrpc: '2.0', error: { code: -32001, message: 'invalid api key' }, id: null });
      const server = buildServer(tools);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, await readBody(req));
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    lastRequest: () => requests.at(-1),
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.closeAllConnections();
        httpServer.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
