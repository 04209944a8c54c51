import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBearerMcpServer, startOidcIssuer, type BearerMcpServer, type OidcIssuer } from '@agentcore/testkit';
import type { ServerResponse } from 'node:http';
import { authorizeRequest, connectMcp, InvokeError, mcpUrl, regionOfUrl } from './index.js';
import { startTestAgent, type SeenRequest, type TestAgent } from './test-helpers/agent-server.js';

const ARN = 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/Mcp-abc123';

describe('mcpUrl / regionOfUrl (pure)', () => {
  it('a deployed runtime: its invocations URL with the ARN encoded and qualifier DEFAULT', () => {
    expect(mcpUrl({ kind: 'runtime', arn: ARN })).toBe(
      `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${encodeURIComponent(ARN)}/invocations?qualifier=DEFAULT`,
    );
    expect(mcpUrl({ kind: 'runtime', arn: ARN, qualifier: 'beta' })).toMatch(/\?qualifier=beta$/);
  });
  it('a gateway URL is used as is; its region comes from the host', () => {
    const gw = 'https://gw-1.gateway.bedrock-agentcore.eu-west-1.amazonaws.com/mcp';
    expect(mcpUrl({ kind: 'url', url: gw })).toBe(gw);
    expect(regionOfUrl(gw)).toBe('eu-west-1');
    expect(regionOfUrl('http://127.0.0.1:9/mcp')).toBeUndefined();
  });
});

describe('authorizeRequest', () => {
  it('SigV4-signs a gateway request in the region of its URL (static credentials)', async () => {
    const headers = await authorizeRequest(
      { kind: 'sigv4', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } },
      {
        url: 'https://gw-1.gateway.bedrock-agentcore.eu-west-1.amazonaws.com/mcp',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/bedrock-agentcore\/aws4_request/,
    );
    expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe('connectMcp against a real MCP server that requires an issuer token', () => {
  let idp: OidcIssuer;
  let server: BearerMcpServer;
  beforeAll(async () => {
    idp = await startOidcIssuer();
    server = await startBearerMcpServer({ issuer: idp.issuer, jwksUri: idp.jwksUri, audience: idp.audience });
  });
  afterAll(async () => {
    await server?.close();
    await idp?.close();
  });

  it('sends the bearer token on every request, lists and calls tools', async () => {
    const token = await idp.requestToken('agent-client', 'agent-secret', ['agents:read']);
    const c = await connectMcp({ target: { kind: 'url', url: server.url }, auth: { kind: 'bearer', token } });
    try {
      const { tools } = await c.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(server.seen.length).toBeGreaterThanOrEqual(2);
      expect(server.seen.every((s) => s.authorized)).toBe(true);
    } finally {
      await c.close();
    }
  });

  it('without a token: ERR_INVOKE_HTTP 401 with the server challenge, not an SDK error', async () => {
    const err = await connectMcp({ target: { kind: 'url', url: server.url }, auth: { kind: 'none' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvokeError);
    expect((err as InvokeError).code).toBe('ERR_INVOKE_HTTP');
    expect((err as InvokeError).details.status).toBe(401);
    // No credentials were sent: the action says how to send some, not how to fix a token.
    expect((err as InvokeError).actions[0]).toMatch(/^The runtime needs credentials: pass --bearer-token/);
  });

  it('a server that is not there: ERR_INVOKE_NETWORK', async () => {
    const err = await connectMcp({
      target: { kind: 'url', url: 'http://127.0.0.1:9/mcp' },
      auth: { kind: 'none' },
    }).catch((e: unknown) => e);
    expect((err as InvokeError).code).toBe('ERR_INVOKE_NETWORK');
  });
});

describe('connectMcp headers across a session', () => {
  /** A minimal stateful MCP server: assigns `Mcp-Session-Id` on initialize, answers tools/list and tools/call. */
  const mcpHandler = async (req: SeenRequest, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const msg = JSON.parse(req.body) as { id?: number; method: string };
    if (msg.id === undefined) return void res.writeHead(202).end();
    const result =
      msg.method === 'initialize'
        ? { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 't', version: '0' } }
        : msg.method === 'tools/list'
          ? { tools: [{ name: 'add', inputSchema: { type: 'object' } }] }
          : { content: [{ type: 'text', text: '3' }] };
    res
      .writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'sess-1' })
      .end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }));
  };
  let agent: TestAgent | undefined;
  afterAll(async () => agent?.close());

  it('keeps the server Mcp-Session-Id and sends auth, runtime session and custom headers on every request', async () => {
    agent = await startTestAgent(mcpHandler);
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    const c = await connectMcp({
      target: { kind: 'url', url: `${agent.url}/runtimes/Mcp/invocations` },
      auth: { kind: 'sigv4', region: 'us-west-2', credentials },
      sessionId: 's'.repeat(40),
      headers: { 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant': 'acme' },
    });
    try {
      expect(c.mcpSessionId).toBe('sess-1');
      expect((await c.listTools()).tools.map((t) => t.name)).toEqual(['add']);
      expect((await c.callTool('add', { a: 1, b: 2 })).content).toEqual([{ type: 'text', text: '3' }]);
    } finally {
      await c.close();
    }
    const posts = agent.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(4); // initialize, initialized, tools/list, tools/call
    for (const r of posts) {
      expect(String(r.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\//);
      expect(r.headers['x-amzn-bedrock-agentcore-runtime-session-id']).toBe('s'.repeat(40));
      expect(r.headers['x-amzn-bedrock-agentcore-runtime-custom-tenant']).toBe('acme');
    }
    expect(posts.slice(1).every((r) => r.headers['mcp-session-id'] === 'sess-1')).toBe(true);
    expect(posts[0]?.headers['mcp-session-id']).toBeUndefined();
    // Signed per request: each body gets its own signature.
    expect(new Set(posts.map((r) => r.headers.authorization)).size).toBe(posts.length);
  });
});
