/**
 * Auth blocks: control-plane shapes → config, only through the strategies registered in the registry.
 * The core knows the built-ins (AWS_IAM, NONE, GATEWAY_IAM_ROLE) and nothing else.
 */
import type { InboundStrategy, OutboundStrategy, StrategyRegistry } from '@agentcore/auth';
import {
  DEFAULT_AUTHORIZER,
  TARGET_TYPE_INFO,
  type InboundResourceKind,
  type OutboundAuth,
  type TargetType,
} from '@agentcore/schema';
import type { AwsCredentialProviderConfiguration } from './aws-shapes.js';
import { createImportError, type ImportError } from './errors.js';
import { messages } from './messages.js';

export interface InboundAuth {
  authorizerType: string;
  authorizerConfiguration?: unknown;
}

/** Provider ARN → the project's credential name (from deployed state); undefined when unknown. */
export type CredentialNameForArn = (arn: string) => string | undefined;

function unsupported(kind: string, type: string, registry: StrategyRegistry, where: string): ImportError {
  const hint = registry.installHint(type);
  const install = hint ? messages.get('install.plugin', { plugin: hint }) : messages.get('install.unknown', { type });
  return createImportError(
    'ERR_IMPORT_UNSUPPORTED_AUTH',
    'UnsupportedAuth',
    { where, direction: kind, type, install },
    { type, where, ...(hint ? { plugin: hint } : {}) },
  );
}

function callFromAws<C>(strategy: InboundStrategy<C>, configuration: unknown, where: string): C {
  const fromAws = strategy.fromAws;
  if (!fromAws)
    throw createImportError(
      'ERR_IMPORT_UNSUPPORTED_AUTH',
      'CannotImport',
      { type: strategy.type, where },
      { type: strategy.type, where },
    );
  return fromAws.call(strategy, configuration);
}

/**
 * Gateway inbound auth: `authorizerType` picks the strategy, its `fromAws` reads `authorizerConfiguration`.
 * Built-ins (NONE, AWS_IAM) take no configuration.
 */
export function mapGatewayInbound(
  authorizerType: string | undefined,
  authorizerConfiguration: unknown,
  registry: StrategyRegistry,
  where: string,
): InboundAuth {
  const type = authorizerType ?? DEFAULT_AUTHORIZER.gateway;
  if (type === 'NONE' || type === 'AWS_IAM') return { authorizerType: type };
  const found = registry.find('inbound', type)?.strategy;
  if (!found || found.direction !== 'inbound' || !found.appliesTo.includes('gateway'))
    throw unsupported('inbound', type, registry, where);
  return { authorizerType: found.type, authorizerConfiguration: callFromAws(found, authorizerConfiguration, where) };
}

/**
 * Runtime inbound auth: GetAgentRuntime has no `authorizerType`; absent configuration means AWS_IAM (written as
 * absent), otherwise the first runtime strategy whose `fromAws` accepts the configuration wins.
 */
export function mapRuntimeInbound(
  authorizerConfiguration: unknown,
  registry: StrategyRegistry,
  where: string,
): InboundAuth | undefined {
  if (authorizerConfiguration === undefined || authorizerConfiguration === null) return undefined;
  const kind: InboundResourceKind = 'runtime';
  const keys = typeof authorizerConfiguration === 'object' ? Object.keys(authorizerConfiguration) : [];
  if (keys.length === 0) return undefined;
  for (const strategy of registry.inbound(kind)) {
    if (!strategy.fromAws) continue;
    let config: unknown;
    try {
      config = strategy.fromAws(authorizerConfiguration);
    } catch {
      continue;
    }
    if (config !== undefined && strategy.configSchema.safeParse(config).success)
      return { authorizerType: strategy.type, authorizerConfiguration: config };
  }
  throw unsupported('inbound', keys.join('+'), registry, where);
}

const BUILTIN_GATEWAY_ROLE = 'GATEWAY_IAM_ROLE';

function gatewayRoleAuth(entry: AwsCredentialProviderConfiguration, targetType: TargetType): OutboundAuth | undefined {
  const iam = (entry.credentialProvider?.iamCredentialProvider ?? undefined) as
    { service?: unknown; region?: unknown } | undefined;
  const service = typeof iam?.service === 'string' ? iam.service : undefined;
  const region = typeof iam?.region === 'string' ? iam.region : undefined;
  // Without a service, GATEWAY_IAM_ROLE on a fallback type is what synth emits for "no auth": elide it.
  if (!service && TARGET_TYPE_INFO[targetType].iamRoleFallback) return undefined;
  return { type: BUILTIN_GATEWAY_ROLE, ...(service ? { service } : {}), ...(region ? { region } : {}) };
}

/**
 * Target outbound auth from `credentialProviderConfigurations`: GATEWAY_IAM_ROLE is built in; every other entry
 * goes to the first strategy whose `fromAws` returns a config. A provider ARN the deployed state does not know
 * is a coded error (never a silent drop).
 */
export function mapTargetOutbound(
  entries: readonly AwsCredentialProviderConfiguration[] | undefined,
  targetType: TargetType,
  registry: StrategyRegistry,
  credentialNameForArn: CredentialNameForArn,
  where: string,
): OutboundAuth | undefined {
  const list = entries ?? [];
  if (list.length > 1) {
    throw createImportError(
      'ERR_IMPORT_UNSUPPORTED',
      'TooManyCredentials',
      { where, count: list.length },
      { where, count: list.length },
    );
  }
  const entry = list[0];
  if (!entry) return undefined;
  const type = entry.credentialProviderType ?? '';
  if (type === BUILTIN_GATEWAY_ROLE) return gatewayRoleAuth(entry, targetType);

  const missing: string[] = [];
  const ctx = {
    credentialNameForArn(arn: string) {
      const name = credentialNameForArn(arn);
      if (name === undefined) missing.push(arn);
      return name;
    },
  };
  const candidates: OutboundStrategy[] = registry.outbound().filter((s) => typeof s.fromAws === 'function');
  for (const strategy of candidates) {
    let config: { type: string } | undefined;
    let failure: unknown;
    try {
      config = strategy.fromAws?.(entry, ctx);
    } catch (err) {
      failure = err;
    }
    if (missing.length > 0) throw unknownCredential(missing[0] ?? '', type, where);
    if (failure !== undefined) throw failure;
    if (config === undefined) continue;
    const elided = strategy.elideDefaults ? strategy.elideDefaults(config) : config;
    return elided as OutboundAuth;
  }
  throw unsupported('outbound', type || messages.get('auth.NoProviderType'), registry, where);
}

function unknownCredential(arn: string, type: string, where: string): ImportError {
  return createImportError(
    'ERR_IMPORT_UNKNOWN_CREDENTIAL',
    'UnknownCredential',
    { where, type, arn },
    { providerArn: arn, credentialProviderType: type, where },
  );
}
