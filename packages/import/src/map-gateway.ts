/** GetGateway + GetGatewayTarget responses → a gateway entry of agentcore.json (the control plane's shapes). Pure. */
import type { StrategyRegistry } from '@agentcore/auth';
import type { Gateway, GatewayTarget, TargetType } from '@agentcore/schema';
import type { AwsApiSchemaConfiguration, AwsGateway, AwsGatewayTarget, GatewayResponses } from './aws-shapes.js';
import { createImportError } from './errors.js';
import { messages } from './messages.js';
import { mapGatewayInbound, mapTargetOutbound, type CredentialNameForArn } from './map-auth.js';

export interface MapGatewayOptions {
  /** The project's name: AWS names deployed gateways `${project}-${name}`. */
  projectName: string;
  /** Local name (`--name`); default: the AWS name without the `${project}-` prefix. */
  localName?: string;
  registry: StrategyRegistry;
  credentialNameForArn: CredentialNameForArn;
}

export interface MapGatewayResult {
  gateway: Gateway;
  /** Targets skipped, with the reason (secret-free). */
  warnings: string[];
}

/** The local name a deployed gateway gets by default. */
export function defaultGatewayName(awsName: string, projectName: string): string {
  const prefix = `${projectName}-`;
  return awsName.startsWith(prefix) && awsName.length > prefix.length ? awsName.slice(prefix.length) : awsName;
}

function requireString(value: unknown, field: string, where: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw createImportError('ERR_IMPORT_UNSUPPORTED', 'MissingField', { where, field }, { where, field });
}

function schemaSource(cfg: AwsApiSchemaConfiguration): GatewayTarget['schemaSource'] | undefined {
  const uri = cfg.s3?.uri;
  if (!uri) return undefined;
  return {
    s3: { uri, ...(cfg.s3?.bucketOwnerAccountId ? { bucketOwnerAccountId: cfg.s3.bucketOwnerAccountId } : {}) },
  };
}

type TargetFields = Omit<GatewayTarget, 'name' | 'outboundAuth'> & { targetType: TargetType };

/** The target-kind part of a target; a string is the reason it cannot be imported. */
export function mapTargetConfiguration(target: AwsGatewayTarget): TargetFields | string {
  const mcp = target.targetConfiguration?.mcp;
  if (!mcp) return messages.get(target.targetConfiguration?.http ? 'reason.http' : 'reason.noMcp');
  if (mcp.mcpServer)
    return {
      targetType: 'mcpServer',
      endpoint: requireString(mcp.mcpServer.endpoint, 'mcpServer.endpoint', `target ${target.name ?? ''}`),
    };
  for (const kind of ['openApiSchema', 'smithyModel'] as const) {
    const cfg = mcp[kind];
    if (!cfg) continue;
    const source = schemaSource(cfg);
    return source ? { targetType: kind, schemaSource: source } : messages.get('reason.inlineSchema', { kind });
  }
  if (mcp.apiGateway) {
    const a = mcp.apiGateway;
    const tools = a.apiGatewayToolConfiguration;
    return {
      targetType: 'apiGateway',
      apiGateway: {
        restApiId: a.restApiId ?? '',
        stage: a.stage ?? '',
        apiGatewayToolConfiguration: {
          toolFilters: (tools?.toolFilters ?? []).map((f) => ({
            filterPath: f.filterPath ?? '',
            methods: [...(f.methods ?? [])],
          })),
          ...(tools?.toolOverrides?.length ? { toolOverrides: [...tools.toolOverrides] } : {}),
        },
      },
    };
  }
  if (mcp.lambda) {
    const uri = mcp.lambda.toolSchema?.s3?.uri;
    if (!uri) return messages.get('reason.inlineTools');
    return {
      targetType: 'lambdaFunctionArn',
      lambdaFunctionArn: { lambdaArn: mcp.lambda.lambdaArn ?? '', toolSchemaFile: uri },
    };
  }
  return messages.get('reason.unknownKind');
}

function mapTarget(target: AwsGatewayTarget, options: MapGatewayOptions, gatewayName: string): GatewayTarget | string {
  const name = requireString(target.name, 'name', `a target of gateway ${gatewayName}`);
  const fields = mapTargetConfiguration(target);
  if (typeof fields === 'string') return messages.get('warning.TargetSkipped', { name, reason: fields });
  const where = `target ${name} of gateway ${gatewayName}`;
  const outboundAuth =
    fields.targetType === 'lambdaFunctionArn'
      ? undefined // IAM only: the gateway role is implied.
      : mapTargetOutbound(
          target.credentialProviderConfigurations,
          fields.targetType,
          options.registry,
          options.credentialNameForArn,
          where,
        );
  return {
    name,
    ...fields,
    ...(target.description ? { description: target.description } : {}),
    ...(outboundAuth ? { outboundAuth } : {}),
  };
}

function mapGatewayFields(gw: AwsGateway, options: MapGatewayOptions): Omit<Gateway, 'targets'> {
  const awsName = requireString(gw.name, 'name', 'the gateway');
  const name = options.localName ?? defaultGatewayName(awsName, options.projectName);
  const inbound = mapGatewayInbound(
    gw.authorizerType,
    gw.authorizerConfiguration,
    options.registry,
    `gateway ${awsName}`,
  );
  const policy = gw.policyEngineConfiguration;
  const policyName = policy?.arn?.split('/').pop();
  return {
    name,
    ...(awsName !== `${options.projectName}-${name}` ? { resourceName: awsName } : {}),
    ...(gw.protocolType && gw.protocolType !== 'MCP' ? { protocolType: 'None' as const } : {}),
    ...(gw.description ? { description: gw.description } : {}),
    authorizerType: inbound.authorizerType,
    ...(inbound.authorizerConfiguration !== undefined
      ? { authorizerConfiguration: inbound.authorizerConfiguration }
      : {}),
    enableSemanticSearch: gw.protocolConfiguration?.mcp?.searchType === 'SEMANTIC',
    exceptionLevel: gw.exceptionLevel === 'DEBUG' ? 'DEBUG' : 'NONE',
    ...(policyName && (policy?.mode === 'LOG_ONLY' || policy?.mode === 'ENFORCE')
      ? { policyEngineConfiguration: { policyEngineName: policyName, mode: policy.mode } }
      : {}),
    ...(gw.roleArn ? { executionRoleArn: gw.roleArn } : {}),
  };
}

/** Map one gateway with its targets. Throws {@link ImportError} on anything that would lose auth information. */
export function mapGateway(responses: GatewayResponses, options: MapGatewayOptions): MapGatewayResult {
  const fields = mapGatewayFields(responses.gateway, options);
  const warnings: string[] = [];
  if (responses.gateway.status && responses.gateway.status !== 'READY')
    warnings.push(
      messages.get('warning.NotReady', { kind: 'Gateway', name: fields.name, status: responses.gateway.status }),
    );
  const targets: GatewayTarget[] = [];
  for (const t of responses.targets) {
    const mapped = mapTarget(t, options, fields.name);
    if (typeof mapped === 'string') warnings.push(mapped);
    else targets.push(mapped);
  }
  return { gateway: { ...fields, targets }, warnings };
}
