/**
 * What `agentcore dev` will run, derived from the config and the registry: pure, no I/O. Auth blocks stay opaque:
 * behaviour comes from the strategies; the dev issuer only looks for OIDC-shaped fields (`discoveryUrl`,
 * `allowedScopes`, `allowedAudience`) wherever a strategy's block carries them.
 */
import { managedCredentialName, type Gateway, type ProjectConfig, type Runtime } from '@agentcore/schema';
import type { InboundStrategy, OutboundStrategy, StrategyRegistry } from '@agentcore/auth';
import { DevError } from './errors.js';
import { BUILT_IN_INBOUND, inboundType, type InboundKind } from './inbound.js';
import { devMessages } from './messages.js';

export interface RuntimePlan {
  name: string;
  type: string;
  strategy?: InboundStrategy;
  config: unknown;
  allowlist: readonly string[];
  codeLocation: string;
  entrypoint: string;
  envVars: readonly { name: string; value: string }[];
}

export interface TargetPlan {
  name: string;
  targetType: string;
  endpoint: string;
  authType: string;
  strategy?: OutboundStrategy;
  config?: { type: string; credentialName?: string };
  credentialName?: string;
  /** `.env.local` suffix of the value sent as is, for a strategy without `resolveSecret` (`''`: the bare prefix). */
  secretEnvSuffix?: string;
  /** Why it cannot be called locally, when it cannot. */
  unavailable?: string;
}

export interface GatewayPlan {
  name: string;
  type: string;
  strategy?: InboundStrategy;
  config: unknown;
  targets: TargetPlan[];
}

export interface Skipped {
  kind: 'target' | 'runtime';
  name: string;
  gateway?: string;
  reason: string;
}

export interface DevPlan {
  runtimes: RuntimePlan[];
  gateways: GatewayPlan[];
  skipped: Skipped[];
}

function inbound(
  registry: StrategyRegistry,
  kind: InboundKind,
  resource: Runtime | Gateway,
): { type: string; strategy?: InboundStrategy } {
  const type = inboundType(resource, kind);
  if ((BUILT_IN_INBOUND as readonly string[]).includes(type)) return { type };
  const found = registry.find('inbound', type)?.strategy;
  if (found?.direction !== 'inbound') {
    const hint = registry.installHint(type);
    const m = devMessages();
    const values = { kind: m.get(`error.StrategyMissing.${kind}`), name: resource.name, type, hint: hint ?? '' };
    throw new DevError('ERR_DEV_STRATEGY', m.get('error.StrategyMissing', values), {
      actions: m.list(hint ? 'error.StrategyMissing.install' : 'error.StrategyMissing.unknown', values),
      details: { resource: resource.name, type },
    });
  }
  return { type, strategy: found };
}

function planTarget(registry: StrategyRegistry, target: Gateway['targets'][number]): TargetPlan | Skipped {
  if (target.targetType !== 'mcpServer')
    return {
      kind: 'target',
      name: target.name,
      reason: devMessages().get('skip.TargetType', { type: target.targetType }),
    };
  if (!target.endpoint)
    return {
      kind: 'target',
      name: target.name,
      reason: devMessages().get('skip.NoEndpoint'),
    };
  const auth = target.outboundAuth;
  const authType = auth?.type ?? 'NONE';
  const base = { name: target.name, targetType: target.targetType, endpoint: target.endpoint, authType };
  if (authType === 'NONE') return base;
  const strategy = registry.find('outbound', authType)?.strategy;
  if (strategy?.direction !== 'outbound')
    return {
      ...base,
      unavailable: devMessages().get('unavailable.NoStrategy', { type: authType }),
    };
  if (!strategy.apply) return { ...base, unavailable: devMessages().get('unavailable.NoApply', { type: authType }) };
  const config = { ...auth, type: authType };
  // A strategy that turns its credential into the value it sends (e.g. OAuth → access token) says so with
  // resolveSecret; without it, the credential's one stored value is sent as is (its kind must have one field).
  const fields = strategy.credentialKind
    ? registry.credentialKinds.find(strategy.credentialKind)?.kind.secretFields
    : undefined;
  if (!strategy.resolveSecret && strategy.credentialKind && fields?.length !== 1) {
    return {
      ...base,
      strategy,
      config,
      unavailable: devMessages().get('unavailable.NoResolveSecret', { type: authType }),
    };
  }
  const secretEnvSuffix = fields?.[0]?.envSuffix ?? '';
  return { ...base, strategy, config, credentialName: auth?.credentialName, secretEnvSuffix };
}

export function planDev(
  config: ProjectConfig,
  registry: StrategyRegistry,
  options: { runtimes?: readonly string[]; gateways?: boolean } = {},
): DevPlan {
  const skipped: Skipped[] = [];
  const wanted = options.runtimes?.length ? options.runtimes : undefined;
  for (const name of wanted ?? []) {
    if (!config.runtimes.some((r) => r.name === name)) {
      throw new DevError('ERR_DEV_RUNTIME_NOT_FOUND', devMessages().get('error.RuntimeNotFound', { name }), {
        actions: devMessages().list(
          config.runtimes.length ? 'error.RuntimeNotFound.useOneOf' : 'error.RuntimeNotFound.addOne',
          { names: config.runtimes.map((r) => r.name).join(', ') },
        ),
        details: { runtime: name, available: config.runtimes.map((r) => r.name) },
      });
    }
  }
  const runtimes = config.runtimes
    .filter((r) => !wanted || wanted.includes(r.name))
    .map((r): RuntimePlan => ({
      name: r.name,
      ...inbound(registry, 'runtime', r),
      config: r.authorizerConfiguration,
      allowlist: r.requestHeaderAllowlist ?? [],
      codeLocation: r.codeLocation,
      entrypoint: r.entrypoint,
      envVars: r.envVars ?? [],
    }));
  const gateways =
    options.gateways === false
      ? []
      : config.agentCoreGateways.map((g): GatewayPlan => {
          const targets: TargetPlan[] = [];
          for (const t of g.targets) {
            const p = planTarget(registry, t);
            if ('kind' in p) skipped.push({ ...p, gateway: g.name });
            else targets.push(p);
          }
          return { name: g.name, ...inbound(registry, 'gateway', g), config: g.authorizerConfiguration, targets };
        });
  return { runtimes, gateways, skipped };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OIDC-shaped blocks (objects with a string `discoveryUrl`) anywhere in an authorizer configuration. */
export function oidcBlocks(config: unknown): Json[] {
  if (!isObject(config)) return [];
  const own = typeof config.discoveryUrl === 'string' ? [config] : [];
  return [...own, ...Object.values(config).flatMap((v) => oidcBlocks(v))];
}

/** A copy of the configuration with every `discoveryUrl` replaced (the original is never modified or written). */
export function withDiscoveryUrl<T>(config: T, discoveryUrl: string): T {
  const copy = structuredClone(config);
  for (const block of oidcBlocks(copy)) block.discoveryUrl = discoveryUrl;
  return copy;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The scopes and first audience a dev-issuer client needs so its tokens pass this resource's authorizer. */
export function oidcRequirements(config: unknown): { scopes: string[]; audience?: string } {
  const blocks = oidcBlocks(config);
  return {
    scopes: [...new Set(blocks.flatMap((b) => strings(b.allowedScopes)))],
    audience: blocks.flatMap((b) => strings(b.allowedAudience))[0],
  };
}

/** Resources whose authorizer the dev issuer serves, with the managed credential that becomes its client. */
export function issuerResources(
  plan: DevPlan,
): { name: string; credentialName: string; allowedClients: string[]; scopes: string[]; audience?: string }[] {
  return [...plan.runtimes, ...plan.gateways].flatMap((r) => {
    const blocks = oidcBlocks(r.config);
    if (!blocks.length) return [];
    return [
      {
        name: r.name,
        credentialName: managedCredentialName(r.name),
        allowedClients: blocks.flatMap((b) => strings(b.allowedClients)),
        ...oidcRequirements(r.config),
      },
    ];
  });
}
