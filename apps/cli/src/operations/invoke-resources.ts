/**
 * Shared by `invoke` and `fetch access`: which resources the project has, and where each one answers — a deployed
 * runtime or gateway (agentcore/.cli/deployed-state.json) or the local `agentcore dev` session
 * (agentcore/.cli/dev-session.json).
 */
import { readDeployedState, selectDeployedTarget, type ProjectConfig, type ProjectStore } from '@agentcore/schema';
import { resolveInvokeUrl, runtimeInvocationUrl, type InvokeTarget } from '@agentcore/invoke';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('invoke');

export type ResourceKind = 'agent' | 'gateway';

export interface ResourceRef {
  kind: ResourceKind;
  name: string;
  /** Stored `authorizerType`, or the default: AWS_IAM for agents, NONE for gateways. */
  authType: string;
  authorizerConfiguration?: unknown;
  /** A runtime's `protocol` (HTTP when absent); gateways speak MCP. */
  protocol?: string;
}

export function listResources(config: ProjectConfig): ResourceRef[] {
  const ref = (
    kind: ResourceKind,
    r: { name: string; authorizerType?: string; authorizerConfiguration?: unknown; protocol?: string },
    dflt: string,
  ): ResourceRef => ({
    kind,
    name: r.name,
    authType: r.authorizerType ?? dflt,
    ...(r.authorizerConfiguration !== undefined ? { authorizerConfiguration: r.authorizerConfiguration } : {}),
    ...(r.protocol !== undefined ? { protocol: r.protocol } : {}),
  });
  return [
    ...config.runtimes.map((r) => ref('agent', r, 'AWS_IAM')),
    ...config.agentCoreGateways.map((g) => ref('gateway', g, 'NONE')),
  ];
}

/** Resource names for error details (never configuration values). */
export function describeResources(
  list: readonly ResourceRef[],
): { name: string; type: ResourceKind; authType: string }[] {
  return list.map((r) => ({ name: r.name, type: r.kind, authType: r.authType }));
}

export function findResource(config: ProjectConfig, name: string, kind?: ResourceKind): ResourceRef {
  const all = listResources(config).filter((r) => !kind || r.kind === kind);
  const hit = all.find((r) => r.name === name);
  if (hit) return hit;
  const available = describeResources(all);
  throw new CliError(
    'ERR_NOT_FOUND',
    messages.get('error.UnknownResource', {
      kind: kind ?? 'agent or gateway',
      name,
      available: available.map((a) => a.name).join(', ') || messages.get('none'),
    }),
    {
      actions:
        available.length > 0
          ? [messages.get('action.PickResource', { names: available.map((a) => a.name).join(', ') })]
          : [messages.get('action.AddResource')],
      details: { name, available },
    },
  );
}

/** The running `agentcore dev` session of the project (loaded only when nothing is deployed). */
async function readDevSessionOf(store: ProjectStore) {
  const { readDevSession } = await import('@agentcore/dev');
  return readDevSession(store.paths.root);
}

export interface ResolvedEndpoint {
  source: 'flag' | 'deployed' | 'dev';
  target: InvokeTarget;
  /** The URL the request goes to (with /invocations). */
  url: string;
  /** AWS region of a deployed runtime. */
  region?: string;
  /** With `agentcore dev --issuer`: the dev issuer that the local authorizers trust instead of the configured one. */
  issuerDiscoveryUrl?: string;
}

export interface EndpointOptions {
  endpoint?: string;
  deployTarget?: string;
}

async function deployedResources(store: ProjectStore, deployTarget: string | undefined) {
  const state = await readDeployedState(store.paths.deployedStateFile);
  if (!state) return undefined;
  const selected = selectDeployedTarget(state, deployTarget);
  if (!selected && deployTarget !== undefined) {
    throw new CliError('ERR_NOT_FOUND', messages.get('error.UnknownDeployTarget', { target: deployTarget }), {
      actions: [
        messages.get('action.PickDeployTarget', {
          targets: Object.keys(state.targets).join(', ') || messages.get('none'),
        }),
      ],
      details: { target: deployTarget, available: Object.keys(state.targets) },
    });
  }
  return selected;
}

/** `--endpoint` > deployed runtime ARN > the dev session's runtime URL; undefined when none is known. */
export async function findRuntimeEndpoint(
  store: ProjectStore | undefined,
  name: string | undefined,
  options: EndpointOptions,
): Promise<ResolvedEndpoint | undefined> {
  if (options.endpoint) {
    const target: InvokeTarget = { kind: 'url', url: options.endpoint };
    return { source: 'flag', target, url: resolveInvokeUrl(target) };
  }
  if (!store || name === undefined) return undefined;
  const deployed = await deployedResources(store, options.deployTarget);
  const arn = deployed?.target.resources.runtimes?.[name]?.runtimeArn;
  if (arn) {
    const region = deployed?.target.region;
    const target: InvokeTarget = { kind: 'runtime', arn, ...(region ? { region } : {}) };
    return {
      source: 'deployed',
      target,
      url: runtimeInvocationUrl(arn, region ? { region } : {}),
      ...(region ? { region } : {}),
    };
  }
  const dev = await readDevSessionOf(store);
  if (!dev) return undefined;
  const target: InvokeTarget = {
    kind: 'url',
    url: dev.runtimes[name] ?? `${dev.runtimeUrl.replace(/\/$/, '')}/runtimes/${encodeURIComponent(name)}/invocations`,
  };
  return {
    source: 'dev',
    target,
    url: resolveInvokeUrl(target),
    ...(dev.issuerDiscoveryUrl ? { issuerDiscoveryUrl: dev.issuerDiscoveryUrl } : {}),
  };
}

/** Deployed `gatewayUrl`, else the dev session's (with the dev issuer it trusts, if any). */
export async function findGatewayUrl(
  store: ProjectStore,
  name: string,
  options: EndpointOptions,
): Promise<{ url: string; source: 'deployed' | 'dev'; issuerDiscoveryUrl?: string } | undefined> {
  const deployed = await deployedResources(store, options.deployTarget);
  const url = deployed?.target.resources.mcp?.gateways?.[name]?.gatewayUrl;
  if (url) return { url, source: 'deployed' };
  const dev = await readDevSessionOf(store);
  const devUrl = dev?.gatewayUrls[name];
  return devUrl
    ? {
        url: devUrl,
        source: 'dev',
        ...(dev.issuerDiscoveryUrl ? { issuerDiscoveryUrl: dev.issuerDiscoveryUrl } : {}),
      }
    : undefined;
}

export function notDeployedError(kind: ResourceKind, name: string): CliError {
  return new CliError('ERR_NOT_DEPLOYED', messages.get('error.NotDeployed', { kind, name }), {
    actions: messages.list('error.NotDeployed.actions', { name }),
    details: { name, kind },
  });
}
