/**
 * What AWS would return for a deployed template: CloudFormation resources → the GetGateway / GetGatewayTarget /
 * ListGatewayTargets / GetAgentRuntime responses (the recorded responses format of `--from-file`). Pure, test-only.
 * CloudFormation PascalCase becomes API camelCase (`CustomJWTAuthorizer` → `customJWTAuthorizer`), map-valued
 * properties (environment variables, tags) keep their keys, `Ref`s resolve to parameter values or physical IDs,
 * and the runtime's string `ProtocolConfiguration` becomes `{serverProtocol}` as in the API.
 */
import type { RecordedResponses } from '@agentcore/import';

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

/** Properties whose values are maps with user keys. */
const MAP_PROPERTIES = new Set(['EnvironmentVariables', 'Tags', 'AdvertisedScopeMapping', 'CustomParameters']);

const lowerFirst = (k: string) => k.charAt(0).toLowerCase() + k.slice(1);

function resolve(value: unknown, refs: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, refs));
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.Ref === 'string' && Object.keys(o).length === 1) {
      const r = refs[o.Ref];
      if (r === undefined) throw new Error(`unresolved Ref ${o.Ref}`);
      return r;
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolve(v, refs)]));
  }
  return value;
}

export function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [lowerFirst(k), MAP_PROPERTIES.has(k) ? v : camelize(v)]),
    );
  }
  return value;
}

export interface ApiResponses {
  /** Keyed by gateway logical ID. */
  gateways: Record<string, Required<Pick<RecordedResponses, 'GetGateway' | 'ListGatewayTargets' | 'GetGatewayTarget'>>>;
  /** Keyed by runtime logical ID. */
  runtimes: Record<string, NonNullable<RecordedResponses['GetAgentRuntime']>>;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** `parameters`: the values a deploy would pass for the template's parameters. */
export function templateToApiResponses(template: Template, parameters: Readonly<Record<string, string>>): ApiResponses {
  const physical: Record<string, string> = {};
  for (const id of Object.keys(template.Resources)) physical[id] = `${id.toLowerCase().slice(0, 40)}-abc123`;
  const refs = { ...parameters, ...physical };
  const out: ApiResponses = { gateways: {}, runtimes: {} };
  for (const [id, r] of Object.entries(template.Resources)) {
    const props = camelize(resolve(r.Properties, refs)) as Record<string, unknown>;
    if (r.Type === 'AWS::BedrockAgentCore::Gateway') {
      const gatewayId = physical[id] ?? id;
      out.gateways[id] = {
        GetGateway: {
          ...props,
          gatewayId,
          gatewayArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/${gatewayId}`,
          status: 'READY',
        },
        ListGatewayTargets: [],
        GetGatewayTarget: {},
      };
    } else if (r.Type === 'AWS::BedrockAgentCore::Runtime') {
      const { protocolConfiguration, ...rest } = props;
      const agentRuntimeId = physical[id] ?? id;
      out.runtimes[id] = {
        ...rest,
        ...(typeof protocolConfiguration === 'string'
          ? { protocolConfiguration: { serverProtocol: protocolConfiguration } }
          : {}),
        agentRuntimeId,
        agentRuntimeArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/${agentRuntimeId}`,
        status: 'READY',
      } as ApiResponses['runtimes'][string];
    }
  }
  // Targets after gateways: a target names its gateway through GatewayIdentifier (a Ref, resolved above).
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::BedrockAgentCore::GatewayTarget') continue;
    const { gatewayIdentifier, ...props } = camelize(resolve(r.Properties, refs)) as Record<string, unknown>;
    const gw = Object.values(out.gateways).find((g) => g.GetGateway.gatewayId === gatewayIdentifier);
    if (!gw) throw new Error(`target ${id} points at no gateway`);
    const targetId = physical[id] ?? id;
    gw.GetGatewayTarget[targetId] = { ...props, targetId, status: 'READY' };
    // One target per page, so pagination is always exercised.
    const pages = gw.ListGatewayTargets;
    const last = pages[pages.length - 1];
    if (last) last.nextToken = `after-${targetId}`;
    pages.push({ items: [{ targetId, name: String(props.name) }] });
  }
  return out;
}
