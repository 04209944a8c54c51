import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer, type TestMcpServer } from './mcp-server.js';

describe('startMcpServer', () => {
  let open: TestMcpServer;
  let guarded: TestMcpServer;
  beforeAll(async () => {
    open = await startMcpServer({
      tools: [
        {
          name: 'upper',
          description: 'Upper-case',
          inputSchema: { text: z.string() },
          run: (a) => String(a.text).toUpperCase(),
        },
      ],
    });
    guarded = await startMcpServer({ auth: { location: 'QUERY_PARAMETER', name: 'k', value: 'a b' } });
  });
  afterAll(async () => {
    await Promise.all([open.close(), guarded.close()]);
  });

  it('serves add, echo and extra tools on 127.0.0.1', async () => {
    expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = new Client({ name: 't', version: '0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(open.url)));
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['add', 'echo', 'upper']);
      const r = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
      expect(r.content).toEqual([{ type: 'text', text: 'hi' }]);
    } finally {
      await client.close();
    }
    expect(open.lastRequest()?.method).toBe('POST');
  }, 15_000);

  it('answers 404 off the path and 401 unless the key is exactly in place, recording each request', async () => {
    expect((await fetch(new URL('/other', open.url))).status).toBe(404);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    expect((await fetch(guarded.url, { method: 'POST', headers, body })).status).toBe(401);
    expect((await fetch(`${guarded.url}?k=a%20b&k=a%20b`, { method: 'POST', headers, body })).status).toBe(401);
    expect((await fetch(`${guarded.url}?k=a%20b`, { method: 'POST', headers, body })).status).toBe(200);
    expect(guarded.requests.map((r) => r.authorized)).toEqual([false, false, true]);
    expect(guarded.lastRequest()?.url).toBe('/mcp?k=a%20b');
  }, 15_000);
});
