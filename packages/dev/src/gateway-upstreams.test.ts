/**
 * Gateway emulator against misbehaving upstreams: a stopped target leaves the others listed (and is named), a
 * target streaming a huge body is cut at the size cap, and one trickling its body is cut at the upstream timeout,
 * which covers the whole response.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { startMcpServer, type TestMcpServer } from '@agentcore/testkit';
import { startDev, type DevSession } from './start-dev.js';
import { createGatewayHandler, UNAVAILABLE_TARGETS_META, type GatewayEntry } from './gateway-emulator.js';
import { MAX_UPSTREAM_RESPONSE_BYTES, type TargetEntry } from './outbound.js';
import { secretsOf, testRegistry } from './test-helpers/strategies.js';
import { config, tempProject } from './test-helpers/project.js';

async function mcp(url: string): Promise<Client> {
  const client = new Client({ name: 'upstreams-test', version: '0.0.1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

async function withMcp<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await mcp(url);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

describe('one unreachable target does not fail tools/list', () => {
  let one: TestMcpServer;
  let two: TestMcpServer;
  let dev: DevSession;
  let project: { root: string; cleanup(): Promise<void> };
  const logs: string[] = [];

  beforeAll(async () => {
    one = await startMcpServer();
    two = await startMcpServer();
    project = await tempProject({});
    dev = await startDev({
      root: project.root,
      registry: testRegistry(),
      secrets: secretsOf({}),
      sessionFile: false,
      log: (l) => logs.push(l),
      config: config({
        agentCoreGateways: [
          {
            name: 'mixed',
            targets: [
              { name: 'one', targetType: 'mcpServer', endpoint: one.url },
              { name: 'two', targetType: 'mcpServer', endpoint: two.url },
            ],
          },
          { name: 'lonely', targets: [{ name: 'two', targetType: 'mcpServer', endpoint: two.url }] },
        ],
      }),
    });
  }, 30_000);
  afterAll(async () => {
    await dev?.close();
    await one?.close();
    await project?.cleanup();
  });

  it('lists both targets while both run, then the running one alone, naming the stopped one', async () => {
    const before = await withMcp(dev.gateways.mixed ?? '', (c) => c.listTools());
    expect(before.tools.map((t) => t.name).sort()).toEqual(['one___add', 'one___echo', 'two___add', 'two___echo']);
    expect(before._meta).toBeUndefined();
    await two.close();
    const after = await withMcp(dev.gateways.mixed ?? '', (c) => c.listTools());
    expect(after.tools.map((t) => t.name).sort()).toEqual(['one___add', 'one___echo']);
    expect(after._meta?.[UNAVAILABLE_TARGETS_META]).toEqual([
      { target: 'two', reason: expect.stringMatching(/^Target two: .*(connection refused|failed)/) },
    ]);
    expect(logs.join('\n')).toMatch(
      /\[dev\] gateway mixed: tools\/list lists the other targets without two: Target two/,
    );
    const called = await withMcp(dev.gateways.mixed ?? '', (c) =>
      c.callTool({ name: 'one___add', arguments: { a: 1, b: 2 } }),
    );
    expect(called.content).toEqual([{ type: 'text', text: '3' }]);
  });

  it('a gateway whose every target fails answers an MCP error naming them', async () => {
    await two.close().catch(() => undefined);
    const err = await withMcp(dev.gateways.lonely ?? '', (c) => c.listTools().catch((e: unknown) => e));
    expect(err).toBeInstanceOf(McpError);
    expect((err as McpError).message).toMatch(/No target of gateway lonely could list its tools: Target two/);
    expect((err as McpError).data).toEqual({ unavailableTargets: [{ target: 'two', reason: expect.any(String) }] });
  });
});

/** A minimal MCP upstream speaking JSON responses whose tools/call body is a huge fast stream or a slow trickle. */
async function startHostileUpstream(): Promise<{ url: string; written: () => number; close(): Promise<void> }> {
  let written = 0;
  const reply = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const stream = (req: IncomingMessage, res: ServerResponse, id: unknown) => {
    const slow = req.url?.startsWith('/slow');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"content":[{"type":"text","text":"`);
    const block = Buffer.alloc(slow ? 8 : 64 * 1024, 0x61);
    const next = () => {
      if (res.destroyed || written > 400 * 1024 * 1024) return void res.end('"}]}}');
      written += block.length;
      const ok = res.write(block);
      if (slow) setTimeout(next, 50);
      else if (ok) setImmediate(next);
      else res.once('drain', next);
    };
    next();
  };
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST') return reply(res, 405);
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const msg = JSON.parse(text) as { id?: unknown; method: string; params?: { protocolVersion?: string } };
      if (msg.id === undefined) return reply(res, 202);
      if (msg.method === 'initialize')
        return reply(res, 200, {
          jsonrpc: '2.0',
          id: msg.id,
          result: {
            protocolVersion: msg.params?.protocolVersion,
            capabilities: { tools: {} },
            serverInfo: { name: 'hostile', version: '1.0.0' },
          },
        });
      if (msg.method === 'tools/list')
        return reply(res, 200, {
          jsonrpc: '2.0',
          id: msg.id,
          result: {
            tools: [{ name: 'x', inputSchema: { type: 'object' } }],
            // The paging upstream never stops paginating.
            ...(req.url?.startsWith('/paging') ? { nextCursor: 'again' } : {}),
          },
        });
      stream(req, res, msg.id);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    written: () => written,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('upstream responses are capped in size and time', () => {
  const upstreamTimeoutMs = 1500;
  let upstream: Awaited<ReturnType<typeof startHostileUpstream>>;
  let server: Server;
  let url: string;
  const logs: string[] = [];

  beforeAll(async () => {
    upstream = await startHostileUpstream();
    const handler = createGatewayHandler({
      baseUrl: () => 'http://127.0.0.1',
      log: (l) => logs.push(l),
      upstreamTimeoutMs,
    });
    const target = (name: string, path: string): TargetEntry => ({
      name,
      targetType: 'mcpServer',
      endpoint: `${upstream.url}${path}`,
      authType: 'NONE',
      redactions: new Set(),
    });
    const gw: GatewayEntry = {
      name: 'g',
      type: 'NONE',
      config: undefined,
      targets: [target('huge', '/huge/mcp'), target('slow', '/slow/mcp'), target('paging', '/paging/mcp')],
    };
    server = createServer((req, res) => void handler.handle(req, res, gw));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => server?.close(() => r()));
    await upstream?.close();
  });

  const call = async (name: string) => {
    const started = Date.now();
    const err = await withMcp(url, (c) => c.callTool({ name, arguments: {} }).catch((e: unknown) => e));
    return { err: err as McpError, elapsed: Date.now() - started };
  };

  it('an upstream that never stops paginating tools/list is cut off and named; the others are listed', async () => {
    const listed = await withMcp(url, (c) => c.listTools());
    expect(listed.tools.map((t) => t.name).sort()).toEqual(['huge___x', 'slow___x']);
    expect(listed._meta?.[UNAVAILABLE_TARGETS_META]).toEqual([
      { target: 'paging', reason: expect.stringMatching(/^Target paging: .*more than 100 pages of tools/) },
    ]);
  });

  it('a tool result streaming hundreds of MB is cut at the cap, quickly, with a coded error naming the target', async () => {
    const { err } = await call('huge___x');
    expect(err).toBeInstanceOf(McpError);
    expect(err.data).toEqual({ code: 'ERR_UPSTREAM_TOO_LARGE', target: 'huge' });
    expect(err.message).toMatch(/Target huge: .*larger than \d+ bytes/);
    // Cut by the size cap, not by the timeout: the code says which, and the bytes written bound how far it got
    // (no wall-clock bound, which a loaded machine could exceed).
    expect(upstream.written()).toBeLessThan(MAX_UPSTREAM_RESPONSE_BYTES + 32 * 1024 * 1024);
  });

  it('a tool result trickling forever is cut at the upstream timeout, which covers the body', async () => {
    const { err, elapsed } = await call('slow___x');
    expect(err).toBeInstanceOf(McpError);
    expect(err.data).toEqual({ code: 'ERR_UPSTREAM_TIMEOUT', target: 'slow' });
    expect(err.message).toMatch(new RegExp(`Target slow: .*within ${upstreamTimeoutMs} ms`));
    // It trickles forever: ending at all, with ERR_UPSTREAM_TIMEOUT, shows the timeout covers the body; no upper
    // wall-clock bound (a loaded machine only makes it later).
    expect(elapsed).toBeGreaterThanOrEqual(upstreamTimeoutMs - 50);
    expect(logs.join('\n')).toMatch(/Target slow/);
  });
});
