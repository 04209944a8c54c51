/**
 * The one table of gateway-target types: CLI spelling, structural requirements and outbound-auth facts.
 * Which auth *strategies* a type accepts is not listed here: strategies declare it (`appliesTo`), and
 * {@link allowedOutboundAuth} joins the two, so help, wizard and validation read the same data.
 */
export const TARGET_TYPES = [
  'mcpServer',
  'openApiSchema',
  'smithyModel',
  'apiGateway',
  'lambdaFunctionArn',
  'lambda',
  'httpRuntime',
  'connector',
  'passthrough',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

type TargetField =
  'endpoint' | 'compute' | 'toolDefinitions' | 'apiGateway' | 'schemaSource' | 'lambdaFunctionArn' | 'outboundAuth';

export interface TargetTypeInfo {
  /** `agentcore add gateway-target --type` spelling; absent: not creatable from the CLI (kept when loaded). */
  cli?: string;
  /** The target must carry an outbound auth other than NONE. */
  authRequired: boolean;
  /** Without outbound auth, the gateway calls it with its IAM role (synth emits GATEWAY_IAM_ROLE). */
  iamRoleFallback: boolean;
  /** At least one of these fields must be present. */
  requiresOneOf: readonly TargetField[];
  forbids: readonly TargetField[];
}

export const TARGET_TYPE_INFO: Readonly<Record<TargetType, TargetTypeInfo>> = {
  mcpServer: {
    cli: 'mcp-server',
    authRequired: false,
    iamRoleFallback: false,
    requiresOneOf: ['endpoint', 'compute'],
    forbids: ['apiGateway', 'lambdaFunctionArn', 'schemaSource'],
  },
  openApiSchema: {
    cli: 'open-api-schema',
    authRequired: true,
    iamRoleFallback: false,
    requiresOneOf: ['schemaSource'],
    forbids: ['compute', 'endpoint', 'toolDefinitions', 'apiGateway', 'lambdaFunctionArn'],
  },
  smithyModel: {
    cli: 'smithy-model',
    authRequired: false,
    iamRoleFallback: true,
    requiresOneOf: ['schemaSource'],
    forbids: ['compute', 'endpoint', 'toolDefinitions', 'apiGateway', 'lambdaFunctionArn'],
  },
  apiGateway: {
    cli: 'api-gateway',
    authRequired: false,
    iamRoleFallback: true,
    requiresOneOf: ['apiGateway'],
    forbids: ['compute', 'endpoint', 'toolDefinitions', 'lambdaFunctionArn', 'schemaSource'],
  },
  lambdaFunctionArn: {
    cli: 'lambda-function-arn',
    authRequired: false,
    iamRoleFallback: true,
    requiresOneOf: ['lambdaFunctionArn'],
    forbids: ['compute', 'endpoint', 'apiGateway', 'outboundAuth', 'toolDefinitions', 'schemaSource'],
  },
  lambda: {
    authRequired: false,
    iamRoleFallback: true,
    requiresOneOf: ['compute'],
    forbids: ['apiGateway', 'lambdaFunctionArn', 'schemaSource'],
  },
  httpRuntime: { authRequired: false, iamRoleFallback: false, requiresOneOf: [], forbids: [] },
  connector: { authRequired: false, iamRoleFallback: false, requiresOneOf: [], forbids: [] },
  passthrough: { authRequired: false, iamRoleFallback: false, requiresOneOf: [], forbids: [] },
};

/** CLI spelling → target type, case-insensitive (`mcp-server`, `MCP_SERVER`, `mcpServer` all work). */
export function targetTypeFromCli(value: string): TargetType | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const v = norm(value);
  return TARGET_TYPES.find((t) => norm(t) === v || norm(TARGET_TYPE_INFO[t].cli ?? '') === v);
}

/** Target types that `add gateway-target` can create, in CLI spelling. */
export function creatableTargetTypes(): { type: TargetType; cli: string }[] {
  return TARGET_TYPES.flatMap((t) => {
    const cli = TARGET_TYPE_INFO[t].cli;
    return cli ? [{ type: t, cli }] : [];
  });
}

/** Outbound-auth types a target type accepts, given the variants installed (built-ins included). */
export function allowedOutboundAuth(
  targetType: TargetType,
  variants: readonly { type: string; appliesTo: readonly string[] }[],
): string[] {
  if (TARGET_TYPE_INFO[targetType].forbids.includes('outboundAuth')) return [];
  return variants.filter((v) => v.appliesTo.includes(targetType)).map((v) => v.type);
}
