/** `AWS::BedrockAgentCore::Gateway` and its `GatewayTarget`s for one gateway of agentcore.json. Pure. */
import type { Gateway, GatewayTarget } from '@agentcore/schema';
import { inboundAuthorizer, targetCredentials } from './auth.js';
import { createSynthError } from './errors.js';
import { targetConfiguration } from './target-configuration.js';
import type { CfnResource, ParameterSet, SynthOptions } from './template-types.js';

/** AWS's gateway name rule (CreateGateway): `([0-9a-zA-Z][-]?){1,48}`. */
const AWS_GATEWAY_NAME = /^([0-9a-zA-Z][-]?){1,48}$/;

export function gatewayResourceName(projectName: string, gateway: Pick<Gateway, 'name' | 'resourceName'>): string {
  return gateway.resourceName ?? `${projectName}-${gateway.name}`;
}

export function gatewayResource(
  projectName: string,
  gateway: Gateway,
  logicalId: string,
  options: SynthOptions,
  params: ParameterSet,
): CfnResource {
  const name = gatewayResourceName(projectName, gateway);
  if (!AWS_GATEWAY_NAME.test(name)) {
    throw createSynthError(
      'ERR_SYNTH_NAME_INVALID',
      'GatewayNameInvalid',
      { awsName: name, gateway: gateway.name },
      { gateway: gateway.name, awsName: name },
    );
  }
  const authorizerType = gateway.authorizerType ?? 'NONE';
  const auth = inboundAuthorizer(
    'gateway',
    authorizerType,
    gateway.authorizerConfiguration,
    options.registry,
    `gateway ${gateway.name}`,
  );
  const mcp = gateway.protocolType !== 'None';
  const policy = gateway.policyEngineConfiguration;
  const props: Record<string, unknown> = {
    ...(auth ? { AuthorizerConfiguration: auth } : {}),
    AuthorizerType: authorizerType,
    ...(gateway.description ? { Description: gateway.description } : {}),
    ...(gateway.exceptionLevel === 'DEBUG' ? { ExceptionLevel: 'DEBUG' } : {}),
    Name: name,
    ...(policy
      ? {
          PolicyEngineConfiguration: {
            Arn: params.ref(`${logicalId}PolicyEngineArn`, `ARN of policy engine ${policy.policyEngineName}`),
            Mode: policy.mode,
          },
        }
      : {}),
    ...(mcp && gateway.enableSemanticSearch !== false
      ? { ProtocolConfiguration: { Mcp: { SearchType: 'SEMANTIC' } } }
      : {}),
    ...(mcp ? { ProtocolType: 'MCP' } : {}),
    RoleArn:
      gateway.executionRoleArn ??
      params.ref(`${logicalId}RoleArn`, `ARN of the IAM role gateway ${gateway.name} calls its targets with`),
    ...(gateway.tags && Object.keys(gateway.tags).length ? { Tags: gateway.tags } : {}),
  };
  return { Type: 'AWS::BedrockAgentCore::Gateway', Properties: props };
}

export function targetResource(
  gateway: Gateway,
  gatewayLogicalId: string,
  target: GatewayTarget,
  options: SynthOptions,
  params: ParameterSet,
): CfnResource {
  const where = `target ${target.name} of gateway ${gateway.name}`;
  const credentials = targetCredentials(target, options, params, where);
  return {
    Type: 'AWS::BedrockAgentCore::GatewayTarget',
    Properties: {
      ...(credentials ? { CredentialProviderConfigurations: credentials } : {}),
      ...(target.description ? { Description: target.description } : {}),
      GatewayIdentifier: { Ref: gatewayLogicalId },
      Name: target.name,
      TargetConfiguration: targetConfiguration(target, options),
    },
  };
}
