/**
 * A real OpenID Connect issuer for tests: `oidc-provider` on 127.0.0.1 (OS-chosen port) issuing RS256 JWT access
 * tokens through the client_credentials grant.
 *
 * ```ts
 * const idp = await startOidcIssuer({ clients: [{ clientId: 'c1', clientSecret: 's1', scopes: ['read'] }] });
 * try {
 *   const token = await idp.requestToken('c1', 's1', ['read']);   // real /token call
 *   const forged = await idp.signToken({ client_id: 'c1', exp: 0 }); // signed with the issuer's key, any claims
 *   idp.stats.jwks;                                                 // how many times /jwks was fetched
 *   await idp.rotateKeys();                                         // new kid first in the JWKS, old one kept
 * } finally { await idp.close(); }
 * ```
 *
 * - `discoveryUrl` is `<issuer>/.well-known/openid-configuration`; `issuer` is `http://127.0.0.1:<port>`.
 * - Access tokens carry `iss`, `sub` (= client id), `client_id`, `aud` (= `audience`, via resource indicators),
 *   `scope` (the granted ones, space-separated), `jti`, `iat`, `exp`, plus the client's `claims` and
 *   `extraTokenClaims(clientId)`. Header: `{alg: 'RS256', typ: 'at+jwt', kid}`.
 * - Clients authenticate with `client_secret_post` by default (as the official CLI does); set `authMethod` per client.
 * - oidc-provider always puts `aud` in JWT access tokens; for Cognito-shaped tokens (no `aud`) use `signToken`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWTHeaderParameters, JWTPayload } from 'jose';

export interface OidcIssuerClient {
  clientId: string;
  clientSecret: string;
  /** Scopes the client may request (default: none). */
  scopes?: readonly string[];
  /** Extra claims put into every access token of this client. */
  claims?: Readonly<Record<string, unknown>>;
  authMethod?: 'client_secret_post' | 'client_secret_basic';
}

export interface OidcIssuerOptions {
  /** Default: one client `agent-client` / `agent-secret` with scopes `agents:read agents:write`. */
  clients?: readonly OidcIssuerClient[];
  /** The `aud` of issued access tokens. Default `https://agentcore.test/api`. */
  audience?: string;
  accessTokenTtlSec?: number;
  /** Claims added to every access token, computed per client. */
  extraTokenClaims?: (clientId: string) => Readonly<Record<string, unknown>>;
}

/** Live request counters (read them after the calls you want to count; `resetStats()` zeroes them). */
export interface OidcIssuerStats {
  discovery: number;
  jwks: number;
  token: number;
}

export interface SignTokenOptions {
  /** Header fields to set or override (e.g. `kid`, `typ`). `alg` stays RS256 with the issuer key. */
  header?: Partial<JWTHeaderParameters>;
}

export interface OidcIssuer {
  issuer: string;
  discoveryUrl: string;
  jwksUri: string;
  tokenEndpoint: string;
  audience: string;
  stats: OidcIssuerStats;
  /** `kid` of the key currently used for signing. */
  readonly kid: string;
  resetStats(): void;
  /** Real client_credentials request; returns the access token (throws with the issuer's error body otherwise). */
  requestToken(clientId: string, clientSecret: string, scopes?: readonly string[]): Promise<string>;
  /** Sign arbitrary claims with the current issuer key. Defaults: `iss`, `iat` = now, `exp` = now + 300 (override or set `undefined`). */
  signToken(claims: JWTPayload, options?: SignTokenOptions): Promise<string>;
  /**
   * Sign exactly the given header and payload texts (JSON or not, duplicate names and all) with the current key,
   * RS256: `base64url(header).base64url(payload).signature`. For hostile-token tests that jose refuses to build.
   */
  signRaw(header: string | Uint8Array, payload: string | Uint8Array): Promise<string>;
  /** Generate a new signing key (new kid) and serve it first in the JWKS; the old key stays published unless `dropOld`. */
  rotateKeys(options?: { dropOld?: boolean }): Promise<string>;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: Record<string, unknown>;
}

const DEFAULT_CLIENT: OidcIssuerClient = {
  clientId: 'agent-client',
  clientSecret: 'agent-secret',
  scopes: ['agents:read', 'agents:write'],
};
let keyCounter = 0;

async function createSigningKey(): Promise<SigningKey> {
  const { generateKeyPair, exportJWK } = await import('jose');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `key-${++keyCounter}-${Date.now().toString(36)}`;
  return { kid, privateKey, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startOidcIssuer(options: OidcIssuerOptions = {}): Promise<OidcIssuer> {
  const { default: Provider } = await import('oidc-provider');
  const clients = options.clients ?? [DEFAULT_CLIENT];
  const audience = options.audience ?? 'https://agentcore.test/api';
  const allScopes = [...new Set(clients.flatMap((c) => c.scopes ?? []))];
  const stats: OidcIssuerStats = { discovery: 0, jwks: 0, token: 0 };
  let keys: SigningKey[] = [await createSigningKey()];
  let handler: ReturnType<InstanceType<typeof Provider>['callback']> | undefined;

  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const build = () => {
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: c.authMethod ?? 'client_secret_post',
        scope: (c.scopes ?? []).join(' '),
      })),
      jwks: { keys: keys.map((k) => k.jwk) },
      scopes: allScopes,
      ttl: { ClientCredentials: options.accessTokenTtlSec ?? 3600 },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        introspection: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => audience,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => ({
            scope: allScopes.join(' '),
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSec ?? 3600,
            jwt: { sign: { alg: 'RS256', kid: keys[0]?.kid } },
          }),
        },
      },
      extraTokenClaims: (_ctx: unknown, token: { clientId: string }) => ({
        ...(clients.find((c) => c.clientId === token.clientId)?.claims ?? {}),
        ...(options.extraTokenClaims?.(token.clientId) ?? {}),
      }),
    });
    provider.use(async (ctx, next) => {
      if (ctx.path === '/.well-known/openid-configuration') stats.discovery++;
      else if (ctx.path === '/jwks') stats.jwks++;
      else if (ctx.path === '/token') stats.token++;
      await next();
    });
    handler = provider.callback();
  };
  build();

  const current = (): SigningKey => {
    const k = keys[0];
    if (!k) throw new TypeError('the issuer has no signing key');
    return k;
  };

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${issuer}/jwks`,
    tokenEndpoint: `${issuer}/token`,
    audience,
    stats,
    get kid() {
      return current().kid;
    },
    resetStats() {
      stats.discovery = stats.jwks = stats.token = 0;
    },
    async requestToken(clientId, clientSecret, scopes = []) {
      const client = clients.find((c) => c.clientId === clientId);
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        ...(scopes.length ? { scope: scopes.join(' ') } : {}),
      });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (client?.authMethod === 'client_secret_basic')
        headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
      else {
        body.set('client_id', clientId);
        body.set('client_secret', clientSecret);
      }
      const res = await fetch(`${issuer}/token`, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
      const json = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!res.ok || !json.access_token)
        throw new Error(`token request failed: ${res.status} ${json.error ?? ''} ${json.error_description ?? ''}`);
      return json.access_token;
    },
    async signToken(claims, signOptions = {}) {
      const { SignJWT } = await import('jose');
      const key = current();
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = { iss: issuer, iat: now, exp: now + 300, ...claims };
      for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid, ...signOptions.header })
        .sign(key.privateKey);
    },
    async signRaw(header, payload) {
      const b64 = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');
      const input = `${b64(header)}.${b64(payload)}`;
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', current().privateKey, Buffer.from(input));
      return `${input}.${Buffer.from(signature).toString('base64url')}`;
    },
    async rotateKeys(rotateOptions = {}) {
      const next = await createSigningKey();
      keys = rotateOptions.dropOld ? [next] : [next, ...keys];
      build();
      return next.kid;
    },
    async close() {
      handler = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
