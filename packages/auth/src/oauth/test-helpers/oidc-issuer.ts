/**
 * A real oidc-provider issuer on 127.0.0.1 issuing JWT access tokens for client_credentials,
 * behind a plain http server. Only for tests needing an issuer that advertises some client auth methods alone;
 * everything else uses @agentcore/testkit's startOidcIssuer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestIssuer {
  issuer: string;
  discoveryUrl: string;
  /** Requests seen per path (e.g. `/token`, `/.well-known/openid-configuration`). */
  counts: Map<string, number>;
  close(): Promise<void>;
}

export interface TestIssuerOptions {
  clientId?: string;
  clientSecret?: string;
  authMethod?: 'client_secret_post' | 'client_secret_basic';
  /** Restrict the methods advertised in discovery. */
  clientAuthMethods?: string[];
  accessTokenTtlSec?: number;
}

export async function startTestIssuer(options: TestIssuerOptions = {}): Promise<TestIssuer> {
  const { default: Provider } = await import('oidc-provider');
  const { generateKeyPair, exportJWK } = await import('jose');
  const counts = new Map<string, number>();
  let handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void = (_q, r) =>
    r.writeHead(503).end();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const resource = 'https://agentcore.test/api';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId ?? 'agent-client',
        client_secret: options.clientSecret ?? 'agent-secret-value',
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: options.authMethod ?? 'client_secret_post',
        scope: 'agents:read agents:write',
      },
    ],
    ...(options.clientAuthMethods ? { clientAuthMethods: options.clientAuthMethods } : {}),
    jwks: { keys: [jwk] },
    scopes: ['agents:read', 'agents:write'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'agents:read agents:write',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.accessTokenTtlSec ?? 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
  handler = provider.callback();
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    counts,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
