import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBearerMcpServer, startOidcIssuer, type BearerMcpServer, type OidcIssuer } from '@agentcore/testkit';
import { authorizeRequest, connectMcp, InvokeError, mcpUrl, regionOfUrl } from './index.js';

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
    expect((err as InvokeError).actions[0]).toContain('fresh access token');
  });

  it('a server that is not there: ERR_INVOKE_NETWORK', async () => {
    const err = await connectMcp({
      target: { kind: 'url', url: 'http://127.0.0.1:9/mcp' },
      auth: { kind: 'none' },
    }).catch((e: unknown) => e);
    expect((err as InvokeError).code).toBe('ERR_INVOKE_NETWORK');
  });
});
