import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { AuthError } from '../errors.js';
import { clearDiscoveryCache } from '../oidc/discovery.js';
import { fetchClientCredentialsToken } from './index.js';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
// Only for an issuer that advertises client_secret_basic alone (testkit's issuer advertises every method).
import { startTestIssuer } from './test-helpers/oidc-issuer.js';

const SECRET = 'agent-secret-value';

async function codeOf(p: Promise<unknown>): Promise<AuthError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    return err as AuthError;
  }
  throw new Error('expected a rejection');
}

describe('fetchClientCredentialsToken against a real oidc-provider', () => {
  let idp: OidcIssuer;
  let dir: string;
  const counts = () => ({ ...idp.stats });
  beforeAll(async () => {
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:read', 'agents:write'] }],
    });
    dir = await mkdtemp(join(tmpdir(), 'agentcore-token-'));
  });
  afterAll(async () => {
    await idp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gets a JWT with client_secret_post and the requested scopes', async () => {
    const token = await fetchClientCredentialsToken({
      discoveryUrl: idp.discoveryUrl,
      clientId: 'agent-client',
      clientSecret: SECRET,
      scopes: ['agents:read'],
    });
    expect(token).toMatchObject({ tokenType: 'bearer', expiresIn: 3600, fromCache: false });
    expect(decodeJwt(token.accessToken)).toMatchObject({
      iss: idp.issuer,
      client_id: 'agent-client',
      scope: 'agents:read',
    });
  });

  it('reuses a cached token with zero requests to the issuer, and never stores the secret', async () => {
    const cacheFile = join(dir, '.cli', 'token-cache.json');
    const opts = {
      discoveryUrl: idp.discoveryUrl,
      clientId: 'agent-client',
      clientSecret: SECRET,
      scopes: ['agents:write'],
      cacheFile,
    };
    const first = await fetchClientCredentialsToken(opts);
    const before = counts();
    const second = await fetchClientCredentialsToken(opts);
    expect(second.accessToken).toBe(first.accessToken);
    expect(second.fromCache).toBe(true);
    expect(second.expiresIn).toBeGreaterThan(3500);
    expect(counts()).toEqual(before);
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    const text = await readFile(cacheFile, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('agent-client');

    const fresh = await fetchClientCredentialsToken({ ...opts, noCache: true });
    expect(fresh.fromCache).toBe(false);
    expect(idp.stats.token).toBe(before.token + 1);
  });

  it('refetches when the cached token is within 60 s of expiry', async () => {
    const cacheFile = join(dir, 'skew.json');
    const t0 = Date.now();
    const opts = { discoveryUrl: idp.discoveryUrl, clientId: 'agent-client', clientSecret: SECRET, cacheFile };
    await fetchClientCredentialsToken({ ...opts, now: () => t0 });
    expect((await fetchClientCredentialsToken({ ...opts, now: () => t0 + 3000_000 })).fromCache).toBe(true);
    expect((await fetchClientCredentialsToken({ ...opts, now: () => t0 + 3541_000 })).fromCache).toBe(false);
  });

  it('names invalid_client and the status, without the secret', async () => {
    const wrong = 'wrong-secret-xyz';
    const err = await codeOf(
      fetchClientCredentialsToken({ discoveryUrl: idp.discoveryUrl, clientId: 'agent-client', clientSecret: wrong }),
    );
    expect(err.code).toBe('ERR_TOKEN_REQUEST');
    expect(err.details).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(err.actions[0]).toMatch(/client id and client secret/);
    expect(JSON.stringify(err.toJSON()) + err.message).not.toContain(wrong);
  });

  it('fails with ERR_DISCOVERY when the issuer is down', async () => {
    const down = createServer();
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    const port = (down.address() as AddressInfo).port;
    await new Promise((r) => down.close(r));
    const err = await codeOf(
      fetchClientCredentialsToken({
        discoveryUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
        clientId: 'c',
        clientSecret: SECRET,
      }),
    );
    expect(err.code).toBe('ERR_DISCOVERY');
    expect(err.actions[0]).toBe('Check that the discovery URL is right and reachable from this machine.');
  });
});

describe('client authentication and metadata checks', () => {
  it('falls back to client_secret_basic when the issuer offers only that', async () => {
    const idp = await startTestIssuer({
      authMethod: 'client_secret_basic',
      clientAuthMethods: ['client_secret_basic'],
    });
    try {
      const token = await fetchClientCredentialsToken({
        discoveryUrl: idp.discoveryUrl,
        clientId: 'agent-client',
        clientSecret: SECRET,
      });
      expect(decodeJwt(token.accessToken).client_id).toBe('agent-client');
    } finally {
      await idp.close();
    }
  });

  it('rejects metadata without token_endpoint or without the client_credentials grant', async () => {
    let doc: Record<string, unknown> = {};
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc)),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      doc = { issuer: base, jwks_uri: `${base}/jwks` };
      clearDiscoveryCache();
      const a = await codeOf(
        fetchClientCredentialsToken({
          discoveryUrl: `${base}/.well-known/openid-configuration`,
          clientId: 'c',
          clientSecret: SECRET,
        }),
      );
      expect(a.code).toBe('ERR_DISCOVERY');
      expect(a.details.reason).toBe('no_token_endpoint');
      doc = { issuer: base, token_endpoint: `${base}/token`, grant_types_supported: ['authorization_code'] };
      clearDiscoveryCache();
      const b = await codeOf(
        fetchClientCredentialsToken({
          discoveryUrl: `${base}/.well-known/openid-configuration`,
          clientId: 'c',
          clientSecret: SECRET,
        }),
      );
      expect(b.code).toBe('ERR_DISCOVERY');
      expect(b.details.reason).toBe('grant_not_supported');
      expect(b.actions[0]).toMatch(/client_credentials/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
