/**
 * Embedded dev issuer: a local OpenID Connect issuer (oidc-provider, imported lazily) whose clients are the
 * project's managed OAuth credentials. It issues RS256 JWT access tokens through client_credentials with
 * `client_id`, `scope` (what was requested, within the client's allowed scopes) and `aud` (the resource's first
 * allowed audience, when it has one).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevError } from './errors.js';
import { devMessages } from './messages.js';

export interface DevIssuerClient {
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** `aud` of this client's tokens (default: `urn:agentcore:dev`). */
  audience?: string;
}

export interface DevIssuer {
  issuer: string;
  discoveryUrl: string;
  tokenEndpoint: string;
  clientIds: readonly string[];
  close(): Promise<void>;
}

export const DEV_DEFAULT_AUDIENCE = 'urn:agentcore:dev';

type Payload = Record<string, unknown>;

/** In-memory storage for oidc-provider (a dev issuer keeps nothing across restarts; this also keeps it quiet). */
function memoryAdapter() {
  const store = new Map<string, Payload>();
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    #key(id: string): string {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Payload): Promise<void> {
      store.set(this.#key(id), payload);
    }
    async find(id: string): Promise<Payload | undefined> {
      return store.get(this.#key(id));
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async findByUid(): Promise<undefined> {
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const p = store.get(this.#key(id));
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      store.delete(this.#key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [k, p] of store) if (p.grantId === grantId) store.delete(k);
    }
  };
}

export async function startDevIssuer(options: {
  clients: readonly DevIssuerClient[];
  host?: string;
  port?: number;
  accessTokenTtlSec?: number;
}): Promise<DevIssuer> {
  const host = options.host ?? '127.0.0.1';
  const ttl = options.accessTokenTtlSec ?? 3600;
  const [{ default: Provider }, { generateKeyPair, exportJWK }] = await Promise.all([
    import('oidc-provider'),
    import('jose'),
  ]);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'agentcore-dev', alg: 'RS256', use: 'sig' };
  const byId = new Map(options.clients.map((c) => [c.clientId, c]));
  const allScopes = [...new Set(options.clients.flatMap((c) => c.scopes))];

  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        new DevError(
          'ERR_DEV_ISSUER',
          devMessages().get('error.IssuerListen', { host, port: options.port ?? 0, reason: err.message }),
          { actions: devMessages().list('error.IssuerListen.actions'), cause: err },
        ),
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
      // oidc-provider rejects an empty scope string: a resource without allowedScopes registers no scope.
      ...(c.scopes.length > 0 ? { scope: c.scopes.join(' ') } : {}),
    })),
    jwks: { keys: [jwk] },
    scopes: allScopes,
    ttl: { ClientCredentials: ttl },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx: unknown, client?: { clientId?: string }) =>
          (client?.clientId && byId.get(client.clientId)?.audience) || DEV_DEFAULT_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({
          scope: allScopes.join(' '),
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttl,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: () => ({ token_use: 'access' }),
  });
  handler = provider.callback();
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    tokenEndpoint: `${issuer}/token`,
    clientIds: [...byId.keys()],
    async close() {
      handler = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
