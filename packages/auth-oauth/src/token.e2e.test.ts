/**
 * End to end against real peers on 127.0.0.1: an oidc-provider issuer and an MCP server that only accepts that
 * issuer's tokens. The strategy resolves the credential to a token (discovery + client_credentials) and `apply`
 * puts it on every request of a real MCP client, exactly as the gateway emulator does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { credentialEnvNames, type Credential } from '@agentcore/schema';
import { createOAuthStrategy } from './strategy.js';
import type { OAuthOutboundAuth } from './schema.js';
import { startBearerMcpServer, type BearerMcpServer } from '@agentcore/testkit';

let idp: OidcIssuer;
let mcp: BearerMcpServer;

beforeAll(async () => {
  idp = await startOidcIssuer({
    clients: [{ clientId: 'gw-client', clientSecret: 'gw-secret', scopes: ['tools:call', 'other'] }],
  });
  mcp = await startBearerMcpServer({
    issuer: idp.issuer,
    jwksUri: idp.jwksUri,
    audience: idp.audience,
    requiredScope: 'tools:call',
  });
}, 30_000);

afterAll(async () => {
  await mcp?.close();
  await idp?.close();
});

const names = credentialEnvNames('Idp');
const credential = (): Credential => ({
  authorizerType: 'OAuthCredentialProvider',
  name: 'Idp',
  discoveryUrl: idp.discoveryUrl,
});
const env = (secret: string) => ({
  get: async (k: string) => ({ [names.clientId]: 'gw-client', [names.clientSecret]: secret })[k],
});

async function callAdd(fetchImpl: typeof fetch): Promise<string> {
  const client = new Client({ name: 'oauth-e2e', version: '0.0.1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcp.url), { fetch: fetchImpl }));
  try {
    const r = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } });
    return (r.content as { text: string }[])[0]?.text ?? '';
  } finally {
    await client.close();
  }
}

/** What the gateway emulator does per request: resolveSecret, then apply. */
function gatewayFetch(
  strategy: ReturnType<typeof createOAuthStrategy>,
  config: OAuthOutboundAuth,
  secret: string,
): typeof fetch {
  return async (url, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const token = await strategy.resolveSecret?.(config, { credential: credential(), secrets: env(secret) });
    if (!token) throw new Error('no resolveSecret');
    const req = await strategy.apply?.({ method: init?.method ?? 'GET', url: String(url), headers }, config, token);
    if (!req) throw new Error('no apply');
    return fetch(req.url, { ...init, method: req.method, headers: req.headers });
  };
}

describe('OAUTH outbound against a real issuer and a real MCP server', { timeout: 60_000 }, () => {
  it('fetches a token with the requested scopes once, reuses it, and the protected tool answers', async () => {
    const strategy = createOAuthStrategy();
    idp.resetStats();
    const seenBefore = mcp.seen.length;
    expect(
      await callAdd(
        gatewayFetch(strategy, { type: 'OAUTH', credentialName: 'Idp', scopes: ['tools:call'] }, 'gw-secret'),
      ),
    ).toBe('42');
    expect(idp.stats.token).toBe(1);
    const seen = mcp.seen.slice(seenBefore);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((s) => s.authorized && s.clientId === 'gw-client' && s.scope === 'tools:call')).toBe(true);
  });

  it('without the scope the server refuses the token (401), and a wrong secret fails at the issuer', async () => {
    await expect(
      callAdd(
        gatewayFetch(createOAuthStrategy(), { type: 'OAUTH', credentialName: 'Idp', scopes: ['other'] }, 'gw-secret'),
      ),
    ).rejects.toThrow(/401|unauthorized/i);
    const err = await callAdd(
      gatewayFetch(createOAuthStrategy(), { type: 'OAUTH', credentialName: 'Idp', scopes: ['tools:call'] }, 'wrong'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: expect.stringMatching(/^ERR_/) });
    expect(JSON.stringify(err)).not.toContain('wrong');
  });

  it('without a token the upstream refuses the call', async () => {
    await expect(callAdd(fetch)).rejects.toThrow(/401|unauthorized/i);
  });
});
