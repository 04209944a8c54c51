import { afterEach, describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { AuthError } from '../errors.js';
import { clearDiscoveryCache } from '../oidc/discovery.js';
import { fetchClientCredentialsToken } from './index.js';
import { putCachedToken, emptyTokenCache, selectCachedToken, tokenCacheKey } from './token-cache.js';
import { clientAuthMethodOrder, selectClientAuthMethod } from './token-request.js';

const ISSUER = 'https://idp.example.com';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;

function mockIdp(token: { status: number; body: string; headers?: Record<string, string> }): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ISSUER);
  pool
    .intercept({ path: '/.well-known/openid-configuration', method: 'GET' })
    .reply(
      200,
      { issuer: ISSUER, token_endpoint: `${ISSUER}/oauth2/token` },
      { headers: { 'content-type': 'application/json' } },
    );
  pool
    .intercept({ path: '/oauth2/token', method: 'POST' })
    .reply(token.status, token.body, { headers: { 'content-type': 'application/json', ...token.headers } });
  return agent;
}

async function failure(agent: MockAgent): Promise<AuthError> {
  clearDiscoveryCache();
  const err = await fetchClientCredentialsToken({
    discoveryUrl: DISCOVERY,
    clientId: 'c',
    clientSecret: 's3cr3t',
    dispatcher: agent,
  }).catch((e: unknown) => e);
  agent.assertNoPendingInterceptors();
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

describe('token response processing', () => {
  afterEach(() => clearDiscoveryCache());

  it('ERR_TOKEN_RESPONSE when a 200 has no access_token', async () => {
    const err = await failure(mockIdp({ status: 200, body: JSON.stringify({ token_type: 'Bearer' }) }));
    expect(err.code).toBe('ERR_TOKEN_RESPONSE');
    expect(err.details.status).toBe(200);
  });

  it('ERR_TOKEN_RESPONSE for a 500 that is not an OAuth error', async () => {
    const err = await failure(
      mockIdp({ status: 500, body: '<html>boom</html>', headers: { 'content-type': 'text/html' } }),
    );
    expect(err.code).toBe('ERR_TOKEN_RESPONSE');
    expect(err.details.status).toBe(500);
  });

  it('ERR_TOKEN_REQUEST naming unsupported_grant_type', async () => {
    const err = await failure(
      mockIdp({ status: 400, body: JSON.stringify({ error: 'unsupported_grant_type', error_description: 'no m2m' }) }),
    );
    expect(err.code).toBe('ERR_TOKEN_REQUEST');
    expect(err.details).toMatchObject({ status: 400, error: 'unsupported_grant_type', errorDescription: 'no m2m' });
    expect(err.actions[0]).toMatch(/client_credentials/);
  });

  it('redacts the secret if an IdP echoes it', async () => {
    const err = await failure(
      mockIdp({
        status: 401,
        body: JSON.stringify({ error: 'invalid_client', error_description: 'bad secret s3cr3t' }),
      }),
    );
    expect(JSON.stringify(err.toJSON())).not.toContain('s3cr3t');
  });
});

describe('client auth selection', () => {
  it('prefers post, then basic; advertised methods first; one post attempt when both are ruled out', () => {
    expect(selectClientAuthMethod({ issuer: ISSUER })).toBe('client_secret_post');
    expect(
      selectClientAuthMethod({
        issuer: ISSUER,
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      }),
    ).toBe('client_secret_post');
    expect(
      selectClientAuthMethod({ issuer: ISSUER, token_endpoint_auth_methods_supported: ['client_secret_basic'] }),
    ).toBe('client_secret_basic');
    const order = (listed?: string[]) =>
      clientAuthMethodOrder({ issuer: ISSUER, ...(listed ? { token_endpoint_auth_methods_supported: listed } : {}) });
    expect(order()).toEqual(['client_secret_post', 'client_secret_basic']);
    expect(order(['client_secret_basic'])).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(order(['none'])).toEqual(['client_secret_post']);
    expect(order(['private_key_jwt'])).toEqual(['client_secret_post']);
  });
});

describe('token cache helpers', () => {
  it('keys ignore scope order and separate clients', () => {
    expect(tokenCacheKey({ issuer: 'i', clientId: 'c', scopes: ['b', 'a'] })).toBe(
      tokenCacheKey({ issuer: 'i', clientId: 'c', scopes: ['a', 'b'] }),
    );
    expect(tokenCacheKey({ issuer: 'i', clientId: 'c' })).not.toBe(tokenCacheKey({ issuer: 'i', clientId: 'd' }));
  });

  it('drops expired entries and skips tokens without a lifetime', () => {
    const now = 1_000_000;
    let cache = putCachedToken(emptyTokenCache(), 'k1', { accessToken: 'a', tokenType: 'bearer', expiresIn: 100 }, now);
    cache = putCachedToken(cache, 'k2', { accessToken: 'b', tokenType: 'bearer' }, now);
    expect(Object.keys(cache.entries)).toEqual(['k1']);
    expect(selectCachedToken(cache, 'k1', now + 30_000)).toMatchObject({
      accessToken: 'a',
      expiresIn: 70,
      fromCache: true,
    });
    expect(selectCachedToken(cache, 'k1', now + 41_000)).toBeUndefined();
    expect(
      Object.keys(
        putCachedToken(cache, 'k3', { accessToken: 'c', tokenType: 'bearer', expiresIn: 500 }, now + 200_000).entries,
      ),
    ).toEqual(['k3']);
  });
});
