/**
 * `agentcore status`: what the project holds, with each auth described by its strategy. `buildStatus` is pure
 * (config + registry + disk facts in, data out); `collectStatus` gathers the facts. Never reads secret values.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import {
  effectiveAuthorizerType,
  TARGET_TYPE_INFO,
  type GatewayTarget,
  type ProjectConfig,
  type ProjectStore,
} from '@agentcore/schema';
import { credentialEnvKeys } from './remove-plan.js';
import { deploymentStatus, type DeploymentStatus, type RemoteOptions } from './status-deployed.js';
import type { DiskFacts } from './validate-checks.js';
import { gatherDiskFacts } from './validate.js';

export interface AuthStatus {
  /** Stored type (`AWS_IAM`, `CUSTOM_JWT`, `API_KEY`, `NONE`, …). */
  type: string;
  /** The strategy's `describe()` line, or the built-in name. */
  description: string;
  /** Package of the strategy that handles it; absent for built-ins and for types no installed plugin provides. */
  plugin?: string;
}

export interface RuntimeStatus {
  name: string;
  protocol: string;
  build: string;
  codeLocation: string;
  codeLocationExists: boolean;
  inboundAuth: AuthStatus;
}

export interface GatewayStatus {
  name: string;
  inboundAuth: AuthStatus;
  targetCount: number;
}

export interface TargetStatus {
  gateway: string;
  name: string;
  targetType: string;
  /** Endpoint, schema location, REST API id/stage or Lambda ARN. */
  source: string;
  outboundAuth: AuthStatus & { credentialName?: string; preview?: string };
}

export interface CredentialStatus {
  name: string;
  kind: string;
  managed: boolean;
  usage?: string;
  /** Every `.env.local` key of the credential holds a value. */
  secretsPresent: boolean;
  envKeys: { key: string; present: boolean }[];
}

export interface StatusResult {
  project: { name: string; root: string; configFile: string };
  runtimes: RuntimeStatus[];
  gateways: GatewayStatus[];
  targets: TargetStatus[];
  credentials: CredentialStatus[];
  /** Present when deployed-state.json knows the project: what is deployed and what changed locally since. */
  deployment?: DeploymentStatus;
}

export interface BuildStatusOptions {
  root: string;
  configFile: string;
  facts: DiskFacts;
  /** Called when a strategy's describe/preview throws (the built-in name is shown instead). */
  onStrategyError?: (type: string, err: unknown) => void;
}

/** Call a strategy hook; a throwing third-party hook must not break `status`. */
function safely<T>(type: string, fn: () => T, options: BuildStatusOptions): T | undefined {
  try {
    return fn();
  } catch (err) {
    options.onStrategyError?.(type, err);
    return undefined;
  }
}

function inboundStatus(
  registry: StrategyRegistry,
  kind: 'runtime' | 'gateway',
  resource: { authorizerType?: string; authorizerConfiguration?: unknown },
  options: BuildStatusOptions,
): AuthStatus {
  const type = effectiveAuthorizerType(kind, resource);
  const found = registry.find('inbound', type);
  if (!found || found.strategy.direction !== 'inbound') return { type, description: type };
  const { strategy } = found;
  const description = strategy.describe
    ? safely(type, () => strategy.describe?.(resource.authorizerConfiguration), options)
    : undefined;
  return { type, description: description ?? type, plugin: found.source.packageName };
}

export function targetSource(target: GatewayTarget): string {
  if (target.endpoint) return target.endpoint;
  if (target.schemaSource)
    return 'inline' in target.schemaSource ? target.schemaSource.inline.path : target.schemaSource.s3.uri;
  if (target.apiGateway) return `${target.apiGateway.restApiId}/${target.apiGateway.stage}`;
  if (target.lambdaFunctionArn) return target.lambdaFunctionArn.lambdaArn;
  if (target.compute) return String(target.compute.host ?? 'compute');
  return '-';
}

function outboundStatus(
  registry: StrategyRegistry,
  target: GatewayTarget,
  options: BuildStatusOptions,
): TargetStatus['outboundAuth'] {
  const auth = target.outboundAuth;
  const type = auth?.type ?? 'NONE';
  const credentialName = auth?.credentialName;
  const base = credentialName ? { credentialName } : {};
  const found = registry.find('outbound', type);
  if (!auth || !found || found.strategy.direction !== 'outbound') {
    const fallback = type === 'NONE' && TARGET_TYPE_INFO[target.targetType].iamRoleFallback ? 'GATEWAY_IAM_ROLE' : type;
    return { type, description: fallback, ...base };
  }
  const { strategy } = found;
  const config = { ...auth, type };
  const description = strategy.describe ? safely(type, () => strategy.describe?.(config), options) : undefined;
  const endpoint = target.endpoint;
  const preview =
    endpoint && strategy.preview ? safely(type, () => strategy.preview?.(config, endpoint), options) : undefined;
  return {
    type,
    description: description ?? type,
    plugin: found.source.packageName,
    ...base,
    ...(preview ? { preview } : {}),
  };
}

export function buildStatus(
  config: ProjectConfig,
  registry: StrategyRegistry,
  options: BuildStatusOptions,
): StatusResult {
  return {
    project: { name: config.name, root: options.root, configFile: options.configFile },
    runtimes: config.runtimes.map((r) => ({
      name: r.name,
      protocol: r.protocol ?? 'HTTP',
      build: r.build,
      codeLocation: r.codeLocation,
      codeLocationExists: options.facts.existingPaths.has(r.codeLocation),
      inboundAuth: inboundStatus(registry, 'runtime', r, options),
    })),
    gateways: config.agentCoreGateways.map((g) => ({
      name: g.name,
      inboundAuth: inboundStatus(registry, 'gateway', g, options),
      targetCount: g.targets.length,
    })),
    targets: config.agentCoreGateways.flatMap((g) =>
      g.targets.map((t) => ({
        gateway: g.name,
        name: t.name,
        targetType: t.targetType,
        source: targetSource(t),
        outboundAuth: outboundStatus(registry, t, options),
      })),
    ),
    credentials: config.credentials.map((c) => {
      const envKeys = credentialEnvKeys(c, registry.credentialKinds).map((key) => ({
        key,
        present: options.facts.presentEnvKeys.has(key),
      }));
      return {
        name: c.name,
        kind: c.authorizerType,
        managed: c.managed === true,
        ...(typeof c.usage === 'string' ? { usage: c.usage } : {}),
        secretsPresent: envKeys.every((k) => k.present),
        envKeys,
      };
    }),
  };
}

export async function collectStatus(
  store: ProjectStore,
  registry: StrategyRegistry,
  onStrategyError?: BuildStatusOptions['onStrategyError'],
  remote?: RemoteOptions,
): Promise<{ status: StatusResult; warnings: string[] }> {
  const { config, warnings } = await store.load();
  const facts = await gatherDiskFacts(store, config, registry.credentialKinds);
  const status = buildStatus(config, registry, {
    root: store.paths.root,
    configFile: store.paths.configFile,
    facts,
    ...(onStrategyError ? { onStrategyError } : {}),
  });
  const deployment = await deploymentStatus(store, registry, config, remote);
  return { status: deployment ? { ...status, deployment } : status, warnings };
}
