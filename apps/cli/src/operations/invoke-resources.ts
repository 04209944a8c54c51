/**
 * Shared by `invoke` and `fetch access`: which resources the project has, and where each one answers — a deployed
 * runtime or gateway (agentcore/.cli/deployed-state.json) or the local `agentcore dev` session
 * (agentcore/.cli/dev-session.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
}

export function listResources(config: ProjectConfig): ResourceRef[] {
  const ref = (kind: ResourceKind, r: { name: string; authorizerType?: string; authorizerConfiguration?: unknown }, dflt: string): ResourceRef => ({
    kind, name: r.name, authType: r.authorizerType ?? dflt, ...(r.authorizerConfiguration !== undefined ? { authorizerConfiguration: r.authorizerConfiguration } : {}),
  });
  return [...config.runtimes.map((r) => ref('agent', r, 'AWS_IAM')), ...config.agentCoreGateways.map((g) => ref('gateway', g, 'NONE'))];
}

/** Resource names for error details (never configuration values). */
export function describeResources(list: readonly ResourceRef[]): { name: string; type: ResourceKind; authType: string }[] {
  return list.map((r) => ({ name: r.name, type: r.kind, authType: r.authType }));
}

export function findResource(config: ProjectConfig, name: string, kind?: ResourceKind): ResourceRef {
  const all = listResources(config).filter((r) => !kind || r.kind === kind);
  const hit = all.find((r) => r.name === name);
  if (hit) return hit;
  const available = describeResources(all);
  throw new CliError('ERR_NOT_FOUND', messages.get('error.UnknownResource', { kind: kind ?? 'agent or gateway', name, available: available.map((a) => a.name).join(', ') || messages.get('none') }), {
    actions: available.length > 0 ? [messages.get('action.PickResource', { names: available.map((a) => a.name).join(', ') })] : [messages.get('action.AddResource')],
    details: { name, available },
  });
}

/** What `agentcore dev` writes while it runs. Unknown keys are ignored. */
export interface DevSession {
  runtimeUrl?: string;
  runtimeUrls?: Record<string, string>;
  gatewayUrls?: Record<string, string>;
  issuerDiscoveryUrl?: string;
  pid?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running dev session, if its file exists (and, when it names a pid, that process is alive). */
export async function readDevSession(store: ProjectStore): Promise<DevSession | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(store.paths.stateDir, 'dev-session.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const session = parsed as DevSession;
  if (typeof session.pid === 'number' && !processAlive(session.pid)) return undefined;
  return session;
}

export interface ResolvedEndpoint {
  source: 'flag' | 'deployed' | 'dev';
  target: InvokeTarget;
  /** The URL the request goes to (with /invocations). */
  url: string;
  /** AWS region of a deployed runtime. */
  region?: string;
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
      actions: [messages.get('action.PickDeployTarget', { targets: Object.keys(state.targets).join(', ') || messages.get('none') })],
      details: { target: deployTarget, available: Object.keys(state.targets) },
    });
  }
  return selected;
}

/** `--endpoint` > deployed runtime ARN > the dev session's runtime URL; undefined when none is known. */
export async function findRuntimeEndpoint(store: ProjectStore | undefined, name: string | undefined, options: EndpointOptions): Promise<ResolvedEndpoint | undefined> {
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
    return { source: 'deployed', target, url: runtimeInvocationUrl(arn, region ? { region } : {}), ...(region ? { region } : {}) };
  }
  const dev = await readDevSession(store);
  const devUrl = dev?.runtimeUrls?.[name] ?? dev?.runtimeUrl;
  if (devUrl) {
    const target: InvokeTarget = { kind: 'url', url: devUrl };
    return { source: 'dev', target, url: resolveInvokeUrl(target) };
  }
  return undefined;
}

/** Deployed `gatewayUrl`, else the dev session's. */
export async function findGatewayUrl(store: ProjectStore, name: string, options: EndpointOptions): Promise<string | undefined> {
  const deployed = await deployedResources(store, options.deployTarget);
  const url = deployed?.target.resources.mcp?.gateways?.[name]?.gatewayUrl;
  if (url) return url;
  return (await readDevSession(store))?.gatewayUrls?.[name];
}

export function notDeployedError(kind: ResourceKind, name: string): CliError {
  return new CliError('ERR_NOT_DEPLOYED', messages.get('error.NotDeployed', { kind, name }), {
    actions: messages.list('error.NotDeployed.actions', { name }),
    details: { name, kind },
  });
}
