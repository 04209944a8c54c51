/**
 * Client authentication against issuers of every metadata shape: a real oidc-provider (testkit) behind a small
 * front server on 127.0.0.1 that rewrites the discovery document to list both secret methods, only basic, only
 * `none` (while secrets are accepted), a method the client does not use, or nothing at all — and, like an IdP whose
 * app client is registered for one method, answers `invalid_client` to the other (oidc-provider itself takes both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { AuthError } from '../errors.js';
import { clearDiscoveryCache } from '../oidc/discovery.js';
import { fetchClientCredentialsToken } from './index.js';

const SECRET = 'client-auth-secret-3e1d';

interface Front {
  discoveryUrl: string;
  /** Client authentication seen at the token endpoint, per request. */
  seen: ('post' | 'basic')[];
  close(): Promise<void>;
}

/** Serves `idp` under its own origin, with `token_endpoint_auth_methods_supported` replaced (absent when null). */
async function front(idp: OidcIssuer, listed: string[] | null, accepts: 'post' | 'basic'): Promise<Front> {
  const seen: Front['seen'] = [];
  const upstream = new URL(idp.issuer);
  let origin = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/token') {
        const method = req.headers.authorization?.startsWith('Basic ') ? 'basic' : 'post';
        seen.push(method);
        if (method !== accepts) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'invalid_client', error_description: 'client authentication failed' }));
          return;
        }
      }
      const up = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (upRes) => {
          const parts: Buffer[] = [];
          upRes.on('data', (c: Buffer) => parts.push(c));
          upRes.on('end', () => {
            let out = Buffer.concat(parts);
            if (req.url === '/.well-known/openid-configuration') {
              const doc = JSON.parse(out.toString('utf8')) as Record<string, unknown>;
              const text = JSON.stringify(doc).split(idp.issuer).join(origin);
              const rewritten = JSON.parse(text) as Record<string, unknown>;
              if (listed === null) delete rewritten.token_endpoint_auth_methods_supported;
              else rewritten.token_endpoint_auth_methods_supported = listed;
              out = Buffer.from(JSON.stringify(rewritten));
            }
            const headers = { ...upRes.headers };
            delete headers['content-length'];
            res.writeHead(upRes.statusCode ?? 502, headers).end(out);
          });
        },
      );
      up.on('error', () => res.writeHead(502).end());
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('client authentication methods across issuer metadata shapes', () => {
  let idp: OidcIssuer;
  beforeAll(async () => {
    idp = await startOidcIssuer({ clients: [{ clientId: 'c', clientSecret: SECRET, scopes: ['read'] }] });
  });
  afterAll(async () => {
    await idp.close();
  });

  it.each([
    ['both listed, client uses post', 'post', ['client_secret_post', 'client_secret_basic'], ['post']],
    ['both listed, client uses basic', 'basic', ['client_secret_post', 'client_secret_basic'], ['post', 'basic']],
    ['only basic listed', 'basic', ['client_secret_basic'], ['basic']],
    ['only none listed, issuer takes post', 'post', ['none'], ['post']],
    ['nothing listed, client uses post', 'post', null, ['post']],
    ['nothing listed, client uses basic', 'basic', null, ['post', 'basic']],
    ['only post listed, client really uses basic', 'basic', ['client_secret_post'], ['post', 'basic']],
  ] as const)('%s: a token, after trying %j', async (_shape, clientMethod, listed, expected) => {
    clearDiscoveryCache();
    const f = await front(idp, listed === null ? null : [...listed], clientMethod);
    try {
      const token = await fetchClientCredentialsToken({
        discoveryUrl: f.discoveryUrl,
        clientId: 'c',
        clientSecret: SECRET,
      });
      expect(decodeJwt(token.accessToken).client_id).toBe('c');
      expect(f.seen).toEqual(expected);
    } finally {
      await f.close();
    }
  });

  it('when the metadata rules both methods out and post fails, says which method was tried and what to change', async () => {
    clearDiscoveryCache();
    const f = await front(idp, ['private_key_jwt'], 'basic');
    try {
      const err = await fetchClientCredentialsToken({
        discoveryUrl: f.discoveryUrl,
        clientId: 'c',
        clientSecret: SECRET,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AuthError);
      const e = err as AuthError;
      expect(e.code).toBe('ERR_TOKEN_REQUEST');
      expect(e.message).toContain('invalid_client');
      expect(e.message).toContain('with client authentication client_secret_post.');
      expect(e.actions[1]).toContain('client_secret_post or client_secret_basic');
      expect(f.seen).toEqual(['post']);
      expect(JSON.stringify(e.toJSON())).not.toContain(SECRET);
    } finally {
      await f.close();
    }
  });

  it('a wrong secret is invalid_client after both methods, naming both', async () => {
    clearDiscoveryCache();
    const f = await front(idp, null, 'post');
    try {
      const err = (await fetchClientCredentialsToken({
        discoveryUrl: f.discoveryUrl,
        clientId: 'c',
        clientSecret: 'wrong-secret',
      }).then(
        () => undefined,
        (e: unknown) => e,
      )) as AuthError;
      expect(err.code).toBe('ERR_TOKEN_REQUEST');
      expect(err.message).toContain('client_secret_post, then client_secret_basic');
      expect(err.details).toMatchObject({ clientAuthMethods: ['client_secret_post', 'client_secret_basic'] });
      expect(err.actions[0]).toContain('client id and client secret');
    } finally {
      await f.close();
    }
  });
});
