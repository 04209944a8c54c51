/**
 * How `invoke` and `fetch access` authenticate to a resource. For an inbound strategy with `token()` (looked up in
 * the registry — the core never names one): `--bearer-token` > cached token > client_credentials with the managed
 * credential's client id and secret from agentcore/.env.local > a coded error saying what to do. Never a silent
 * fallback to SigV4. AWS_IAM → SigV4 for deployed runtimes.
 */
import {
  isLoopbackUrl,
  AuthError,
  type AccessToken,
  type StrategyRegistry,
  type InboundStrategy,
} from '@agentcore/auth';
import { managedCredentialName, type ProjectStore } from '@agentcore/schema';
import type { InvokeAuth } from '@agentcore/invoke';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import type { ResolvedEndpoint, ResourceRef } from './invoke-resources.js';

const messages = loadMessages('invoke');

export interface ProjectHandle {
  store: ProjectStore;
  registry: StrategyRegistry;
}

export interface TokenRequest {
  identityName?: string;
  /** Fetch from this issuer instead of the configured one (the `agentcore dev --issuer` session). */
  issuerDiscoveryUrl?: string;
  noCache?: boolean;
  signal?: AbortSignal;
}

/** The installed inbound strategy of a resource, or undefined for the built-in defaults (AWS_IAM, NONE). */
export function inboundStrategyOf(registry: StrategyRegistry, resource: ResourceRef): InboundStrategy | undefined {
  if (resource.authType === 'AWS_IAM' || resource.authType === 'NONE') return undefined;
  const found = registry.find('inbound', resource.authType)?.strategy;
  if (found?.direction === 'inbound') return found;
  const plugin = registry.installHint(resource.authType);
  throw new CliError(
    'ERR_STRATEGY_NOT_INSTALLED',
    messages.get('error.AuthTypeNotInstalled', { name: resource.name, type: resource.authType }),
    {
      actions: plugin ? [messages.get('action.RunPluginInstall', { plugin })] : [messages.get('action.InstallPlugin')],
      details: { name: resource.name, authType: resource.authType, ...(plugin ? { plugin } : {}) },
    },
  );
}

function missingCredential(resource: ResourceRef, credential: string, oauthCredentials: readonly string[]): AuthError {
  const others = oauthCredentials.filter((c) => c !== credential);
  return new AuthError(
    'ERR_CREDENTIAL_MISSING',
    messages.get('error.NoClientCredentials', {
      kind: resource.kind,
      name: resource.name,
      type: resource.authType,
      credential,
    }),
    {
      actions: [
        ...messages.list('error.NoClientCredentials.actions', { name: resource.name, kind: resource.kind }),
        ...(others.length > 0 ? [messages.get('action.IdentityName', { credentials: others.join(', ') })] : []),
      ],
      details: { name: resource.name, credential, oauthCredentials },
    },
  );
}

/** The config with every OIDC discovery URL pointed at the dev issuer (the same rewrite `agentcore dev` applies). */
async function redirectToIssuer<C>(config: C, discoveryUrl: string): Promise<C> {
  const { withDiscoveryUrl } = await import('@agentcore/dev');
  return withDiscoveryUrl(config, discoveryUrl);
}

/** Fetch (or reuse) an access token for a resource whose strategy has `token()`. */
export async function obtainResourceToken(
  project: ProjectHandle,
  resource: ResourceRef,
  strategy: InboundStrategy,
  request: TokenRequest,
): Promise<AccessToken> {
  const token = strategy.token;
  // messages-check: internal — callers pass only strategies found with token() (inboundStrategyOf, then a check)
  if (!token) throw new TypeError(`strategy ${strategy.type} has no token()`);
  const { config } = await project.store.load();
  // Client credentials live in credentials whose kind stores a client id and secret (`--client-id`/`--client-secret`).
  const kinds = project.registry.credentialKinds;
  const clientEnv = (c: { name: string; authorizerType: string }) => {
    const env = kinds.envNames(c);
    const id = env['client-id'];
    const secret = env['client-secret'];
    return id && secret ? { id, secret } : undefined;
  };
  const oauthCredentials = config.credentials.filter((c) => clientEnv(c)).map((c) => c.name);
  const credential = request.identityName ?? managedCredentialName(resource.name);
  if (request.identityName !== undefined && !oauthCredentials.includes(credential)) {
    throw new CliError('ERR_NOT_FOUND', messages.get('error.UnknownIdentity', { credential }), {
      actions: [
        oauthCredentials.length > 0
          ? messages.get('action.IdentityName', { credentials: oauthCredentials.join(', ') })
          : messages.get('action.AddOAuthCredential'),
      ],
      details: { credential, available: oauthCredentials },
    });
  }
  // The managed credential may not be declared (only its .env.local values): read it as a client-credentials kind.
  const declared = config.credentials.find((c) => c.name === credential);
  const names = declared
    ? clientEnv(declared)
    : kinds
        .all()
        .map((e) => clientEnv({ name: credential, authorizerType: e.kind.authorizerType }))
        .find((n) => n !== undefined);
  const [clientId, clientSecret] = names
    ? await Promise.all([project.store.secrets.get(names.id), project.store.secrets.get(names.secret)])
    : [undefined, undefined];
  if (!clientId || !clientSecret) throw missingCredential(resource, credential, oauthCredentials);
  const parsed = strategy.configSchema.parse(resource.authorizerConfiguration);
  const effective = request.issuerDiscoveryUrl ? await redirectToIssuer(parsed, request.issuerDiscoveryUrl) : parsed;
  return token.call(
    strategy,
    effective,
    { clientId, clientSecret },
    {
      cacheFile: project.store.paths.tokenCacheFile,
      ...(request.noCache ? { noCache: true } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    },
  );
}

/** Placeholder AWS credentials for requests to `agentcore dev` (which accepts any SigV4 signature). */
export const LOCAL_DEV_CREDENTIALS = {
  accessKeyId: 'AKIAAGENTCORELOCALDEV',
  secretAccessKey: 'agentcore-dev-unverified',
};

export type AuthSource = 'flag' | 'cache' | 'idp' | 'sigv4' | 'none';

export interface SelectedAuth {
  auth: InvokeAuth;
  source: AuthSource;
  /** Remaining lifetime of a fetched or cached token. */
  expiresIn?: number;
}

/** The auth for invoking `resource` at `endpoint` (resource undefined: an endpoint outside any project). */
export async function selectInvokeAuth(
  project: ProjectHandle | undefined,
  resource: ResourceRef | undefined,
  endpoint: ResolvedEndpoint,
  request: TokenRequest & { bearerToken?: string },
): Promise<SelectedAuth> {
  if (request.bearerToken) return { auth: { kind: 'bearer', token: request.bearerToken }, source: 'flag' };
  if (!project || !resource) return { auth: { kind: 'none' }, source: 'none' };
  if (resource.authType === 'NONE') return { auth: { kind: 'none' }, source: 'none' };
  const strategy = inboundStrategyOf(project.registry, resource);
  if (strategy?.token) {
    const token = await obtainResourceToken(project, resource, strategy, {
      ...request,
      ...(endpoint.issuerDiscoveryUrl ? { issuerDiscoveryUrl: endpoint.issuerDiscoveryUrl } : {}),
    });
    return {
      auth: { kind: 'bearer', token: token.accessToken },
      source: token.fromCache ? 'cache' : 'idp',
      ...(token.expiresIn !== undefined ? { expiresIn: token.expiresIn } : {}),
    };
  }
  if (strategy) {
    throw new AuthError(
      'ERR_CREDENTIAL_MISSING',
      messages.get('error.StrategyHasNoToken', { name: resource.name, type: resource.authType }),
      {
        actions: [messages.get('action.BearerToken')],
        details: { name: resource.name, authType: resource.authType },
      },
    );
  }
  // AWS_IAM: SigV4 against AWS. `agentcore dev` checks that the request is SigV4-signed (it cannot verify the
  // signature), so its session gets a request signed with placeholder credentials — never your real ones; any other
  // local endpoint (a loopback --endpoint, e.g. the agent itself) takes no AWS signature.
  if (endpoint.source === 'dev')
    return { auth: { kind: 'sigv4', region: 'us-east-1', credentials: LOCAL_DEV_CREDENTIALS }, source: 'sigv4' };
  if (endpoint.target.kind === 'url' && isLoopbackUrl(endpoint.url)) return { auth: { kind: 'none' }, source: 'none' };
  return { auth: { kind: 'sigv4', ...(endpoint.region ? { region: endpoint.region } : {}) }, source: 'sigv4' };
}
