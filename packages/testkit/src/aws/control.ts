/**
 * AgentCore control reads of what stacks created: `GetAgentRuntime`, `ListAgentRuntimes`, `GetGateway`,
 * `ListGateways`, `GetGatewayTarget`, `ListGatewayTargets`
 * (https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_GetGateway.html). CloudFormation
 * properties are PascalCase, the API's members camelCase; the first letter of each key is lowered. A runtime without
 * `LifecycleConfiguration` answers AWS's defaults (900 s idle timeout, 28800 s maximum lifetime:
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-lifecycle-settings.html).
 */
import { AwsError } from './wire.js';
import type { StackResourceSnapshot } from './types.js';

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(v)]));
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function page<T>(all: T[], input: Record<string, unknown>) {
  const start = Number(input.nextToken ?? 0) || 0;
  const size = Number(input.maxResults ?? 50) || 50;
  const next = start + size < all.length ? String(start + size) : undefined;
  return { items: all.slice(start, start + size), next };
}

export function controlHandler(live: () => StackResourceSnapshot[]) {
  const find = (type: string, id: unknown, idAttr: string) => {
    const r = live().find((x) => x.type === type && x.attributes[idAttr] === id);
    if (!r) throw new AwsError('ResourceNotFoundException', `Resource ${String(id)} not found`, 404);
    return r;
  };
  const gateway = (r: StackResourceSnapshot) => ({
    gatewayArn: r.attributes.GatewayArn,
    gatewayId: r.attributes.GatewayIdentifier,
    gatewayUrl: r.attributes.GatewayUrl,
    createdAt: r.attributes.CreatedAt,
    updatedAt: r.attributes.UpdatedAt,
    status: 'READY',
    name: str(r.properties.Name),
    description: str(r.properties.Description),
    roleArn: str(r.properties.RoleArn),
    protocolType: str(r.properties.ProtocolType) ?? 'MCP',
    protocolConfiguration: camel(r.properties.ProtocolConfiguration),
    authorizerType: str(r.properties.AuthorizerType) ?? 'NONE',
    authorizerConfiguration: camel(r.properties.AuthorizerConfiguration),
    exceptionLevel: str(r.properties.ExceptionLevel),
    workloadIdentityDetails: { workloadIdentityArn: r.attributes['WorkloadIdentityDetails.WorkloadIdentityArn'] },
  });
  const target = (r: StackResourceSnapshot, full: boolean) => ({
    targetId: r.attributes.TargetId,
    name: str(r.properties.Name),
    status: 'READY',
    createdAt: r.attributes.CreatedAt,
    updatedAt: r.attributes.UpdatedAt,
    description: str(r.properties.Description),
    ...(full
      ? {
          gatewayArn: r.attributes.GatewayArn,
          targetConfiguration: camel(r.properties.TargetConfiguration),
          credentialProviderConfigurations: camel(r.properties.CredentialProviderConfigurations) ?? [],
        }
      : {}),
  });
  return async (operation: string, input: Record<string, unknown>): Promise<unknown> => {
    switch (operation) {
      case 'GetAgentRuntime': {
        const r = find('AWS::BedrockAgentCore::Runtime', input.agentRuntimeId, 'AgentRuntimeId');
        return {
          agentRuntimeArn: r.attributes.AgentRuntimeArn,
          agentRuntimeName: str(r.properties.AgentRuntimeName),
          agentRuntimeId: r.attributes.AgentRuntimeId,
          agentRuntimeVersion: r.attributes.AgentRuntimeVersion,
          createdAt: r.attributes.CreatedAt,
          lastUpdatedAt: r.attributes.LastUpdatedAt,
          roleArn: str(r.properties.RoleArn),
          status: 'READY',
          description: str(r.properties.Description),
          networkConfiguration: camel(r.properties.NetworkConfiguration) ?? { networkMode: 'PUBLIC' },
          agentRuntimeArtifact: camel(r.properties.AgentRuntimeArtifact),
          // CloudFormation takes the protocol as a string; the control plane answers {serverProtocol}.
          protocolConfiguration:
            typeof r.properties.ProtocolConfiguration === 'string'
              ? { serverProtocol: r.properties.ProtocolConfiguration }
              : camel(r.properties.ProtocolConfiguration),
          environmentVariables: r.properties.EnvironmentVariables,
          authorizerConfiguration: camel(r.properties.AuthorizerConfiguration),
          requestHeaderConfiguration: camel(r.properties.RequestHeaderConfiguration),
          lifecycleConfiguration: camel(r.properties.LifecycleConfiguration) ?? {
            idleRuntimeSessionTimeout: 900,
            maxLifetime: 28800,
          },
          workloadIdentityDetails: { workloadIdentityArn: r.attributes['WorkloadIdentityDetails.WorkloadIdentityArn'] },
        };
      }
      case 'GetGateway':
        return gateway(find('AWS::BedrockAgentCore::Gateway', input.gatewayIdentifier, 'GatewayIdentifier'));
      case 'ListGateways': {
        const all = live()
          .filter((r) => r.type === 'AWS::BedrockAgentCore::Gateway')
          .map(gateway)
          .map((g) => ({
            gatewayId: g.gatewayId,
            name: g.name,
            status: g.status,
            createdAt: g.createdAt,
            updatedAt: g.updatedAt,
            authorizerType: g.authorizerType,
            description: g.description,
            protocolType: g.protocolType,
          }));
        const { items, next } = page(all, input);
        return { items, ...(next ? { nextToken: next } : {}) };
      }
      case 'ListAgentRuntimes': {
        const all = live()
          .filter((r) => r.type === 'AWS::BedrockAgentCore::Runtime')
          .map((r) => ({
            agentRuntimeArn: r.attributes.AgentRuntimeArn,
            agentRuntimeId: r.attributes.AgentRuntimeId,
            agentRuntimeVersion: r.attributes.AgentRuntimeVersion,
            agentRuntimeName: str(r.properties.AgentRuntimeName),
            description: str(r.properties.Description) ?? '',
            lastUpdatedAt: r.attributes.LastUpdatedAt,
            status: 'READY',
          }));
        const { items, next } = page(all, input);
        return { agentRuntimes: items, ...(next ? { nextToken: next } : {}) };
      }
      case 'ListGatewayTargets':
      case 'GetGatewayTarget': {
        find('AWS::BedrockAgentCore::Gateway', input.gatewayIdentifier, 'GatewayIdentifier');
        const targets = live().filter(
          (r) =>
            r.type === 'AWS::BedrockAgentCore::GatewayTarget' &&
            r.properties.GatewayIdentifier === input.gatewayIdentifier,
        );
        if (operation === 'ListGatewayTargets') {
          const { items, next } = page(
            targets.map((r) => target(r, false)),
            input,
          );
          return { items, ...(next ? { nextToken: next } : {}) };
        }
        const r = targets.find((t) => t.attributes.TargetId === input.targetId);
        if (!r) throw new AwsError('ResourceNotFoundException', `Target ${String(input.targetId)} not found`, 404);
        return target(r, true);
      }
      default:
        return undefined;
    }
  };
}
