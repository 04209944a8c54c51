/** `fetch access`: the URL of an agent or gateway and what a caller needs to authenticate to it. */
import { runtimeInvocationUrl } from '@agentcore/invoke';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { inboundStrategyOf, obtainResourceToken, type ProjectHandle } from './invoke-auth.js';
import {
  describeResources,
  findGatewayUrl,
  findResource,
  findRuntimeEndpoint,
  listResources,
  type ResourceKind,
  type ResourceRef,
} from './invoke-resources.js';

const messages = loadMessages('fetch.access');

export interface FetchAccessInput {
  name?: string;
  type?: ResourceKind;
  identityName?: string;
  deployTarget?: string;
  noCache?: boolean;
  signal?: AbortSignal;
}

export interface FetchAccessResult {
  name: string;
  type: ResourceKind;
  /** Invocation URL (agents) or gateway URL; absent when neither deployed nor running under `agentcore dev`. */
  url?: string;
  authType: string;
  /** Only for strategies that issue tokens. */
  token?: string;
  tokenType?: string;
  expiresIn?: number;
  fromCache?: boolean;
  /** Guidance for auth types without a token (AWS_IAM, NONE). */
  message?: string;
}

async function locate(
  project: ProjectHandle,
  resource: ResourceRef,
  input: FetchAccessInput,
): Promise<{ url: string; issuerDiscoveryUrl?: string } | undefined> {
  if (resource.kind === 'gateway') return findGatewayUrl(project.store, resource.name, input);
  const endpoint = await findRuntimeEndpoint(project.store, resource.name, input);
  if (!endpoint) return undefined;
  const url =
    endpoint.target.kind === 'runtime'
      ? runtimeInvocationUrl(endpoint.target.arn, endpoint.region ? { region: endpoint.region } : {})
      : endpoint.url;
  return { url, ...(endpoint.issuerDiscoveryUrl ? { issuerDiscoveryUrl: endpoint.issuerDiscoveryUrl } : {}) };
}

export async function fetchAccess(
  project: ProjectHandle,
  input: FetchAccessInput,
): Promise<FetchAccessResult & { warnings: string[] }> {
  const { config } = await project.store.load();
  if (input.name === undefined) {
    const available = describeResources(listResources(config).filter((r) => !input.type || r.kind === input.type));
    throw new CliError(
      'ERR_MISSING_FLAGS',
      messages.get('error.NameRequired', {
        list: available.map((a) => `${a.name} (${a.type}, ${a.authType})`).join(', ') || messages.get('none'),
      }),
      {
        actions:
          available.length > 0
            ? [messages.get('action.PassName', { example: available[0]?.name ?? '' })]
            : [messages.get('action.AddResource')],
        details: { available },
      },
    );
  }
  const resource = findResource(config, input.name, input.type);
  const located = await locate(project, resource, input);
  const url = located?.url;
  const warnings =
    url === undefined ? [messages.get('warning.NoUrl', { kind: resource.kind, name: resource.name })] : [];
  const base = { name: resource.name, type: resource.kind, ...(url ? { url } : {}), authType: resource.authType };
  const strategy = inboundStrategyOf(project.registry, resource);
  if (strategy?.token) {
    const token = await obtainResourceToken(project, resource, strategy, {
      ...input,
      ...(located?.issuerDiscoveryUrl ? { issuerDiscoveryUrl: located.issuerDiscoveryUrl } : {}),
    });
    return {
      ...base,
      token: token.accessToken,
      tokenType: token.tokenType,
      ...(token.expiresIn !== undefined ? { expiresIn: token.expiresIn } : {}),
      fromCache: token.fromCache ?? false,
      warnings,
    };
  }
  const key = strategy
    ? 'message.NoTokenStrategy'
    : resource.authType === 'AWS_IAM'
      ? 'message.AwsIam'
      : 'message.None';
  return { ...base, message: messages.get(key, { type: resource.authType }), warnings };
}
