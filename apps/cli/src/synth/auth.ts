/** Auth blocks of the template, only through the strategies in the registry (plus the built-ins). */
import type { StrategyRegistry } from '@agentcore/auth';
import { DEFAULT_AUTHORIZER, TARGET_TYPE_INFO, type GatewayTarget, type InboundResourceKind } from '@agentcore/schema';
import { createSynthError, synthMessages, type SynthError } from './errors.js';
import { pascal } from './logical-ids.js';
import type { ParameterSet, SynthOptions } from './template-types.js';

function missing(
  direction: string,
  type: string,
  where: string,
  registry: StrategyRegistry,
  reason: 'notInstalled' | 'noCloudFormation',
): SynthError {
  const hint = registry.installHint(type);
  const install = hint
    ? synthMessages.get('install.plugin', { plugin: hint })
    : synthMessages.get('install.unknown', { type });
  return createSynthError(
    'ERR_SYNTH_STRATEGY_MISSING',
    'StrategyMissing',
    { where, direction, type, reason: synthMessages.get(`reason.${reason}`), install },
    { type, where, direction },
  );
}

/** `AuthorizerConfiguration` for a runtime or gateway, or undefined for the built-ins (AWS_IAM, NONE). */
export function inboundAuthorizer(
  kind: InboundResourceKind,
  authorizerType: string | undefined,
  config: unknown,
  registry: StrategyRegistry,
  where: string,
): Record<string, unknown> | undefined {
  const type = authorizerType ?? DEFAULT_AUTHORIZER[kind];
  if (type === 'AWS_IAM' || type === 'NONE') return undefined;
  const strategy = registry.find('inbound', type)?.strategy;
  if (!strategy || strategy.direction !== 'inbound') throw missing('inbound', type, where, registry, 'notInstalled');
  registry.assertDeployable(strategy, where);
  if (!strategy.toCloudFormation) throw missing('inbound', type, where, registry, 'noCloudFormation');
  return strategy.toCloudFormation(config);
}

/** The parameter that stands in for a credential provider ARN when deployed state does not know it. */
export function providerArnParameter(credentialName: string): string {
  return `${pascal(credentialName)}ProviderArn`;
}

/**
 * `CredentialProviderConfigurations` of a target: the outbound strategy's entry, GATEWAY_IAM_ROLE (built in),
 * the IAM-role fallback for types that have one, or nothing.
 */
export function targetCredentials(
  target: GatewayTarget,
  options: SynthOptions,
  params: ParameterSet,
  where: string,
): Record<string, unknown>[] | undefined {
  const auth = target.outboundAuth;
  const type = auth?.type ?? 'NONE';
  if (type === 'NONE')
    return TARGET_TYPE_INFO[target.targetType].iamRoleFallback
      ? [{ CredentialProviderType: 'GATEWAY_IAM_ROLE' }]
      : undefined;
  if (type === 'GATEWAY_IAM_ROLE') {
    const service = typeof auth?.service === 'string' ? auth.service : undefined;
    const region = typeof auth?.region === 'string' ? auth.region : undefined;
    return [
      {
        CredentialProviderType: 'GATEWAY_IAM_ROLE',
        ...(service
          ? {
              CredentialProvider: {
                IamCredentialProvider: { Service: service, ...(region ? { Region: region } : {}) },
              },
            }
          : {}),
      },
    ];
  }
  const strategy = options.registry.find('outbound', type)?.strategy;
  if (!strategy || strategy.direction !== 'outbound')
    throw missing('outbound', type, where, options.registry, 'notInstalled');
  options.registry.assertDeployable(strategy, where);
  if (!strategy.toCloudFormation) throw missing('outbound', type, where, options.registry, 'noCloudFormation');
  const credentialName = typeof auth?.credentialName === 'string' ? auth.credentialName : undefined;
  const known = credentialName ? options.credentialArns?.[credentialName] : undefined;
  const providerArn =
    known ??
    (credentialName
      ? params.ref(
          providerArnParameter(credentialName),
          `ARN of the AgentCore Identity credential provider ${credentialName}`,
        )
      : undefined);
  return [strategy.toCloudFormation(auth, { providerArn })];
}
