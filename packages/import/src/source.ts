/**
 * Where control-plane responses come from: a recorded responses file (offline, tests) or AWS itself
 * (see aws-source.ts). `readGateway` / `readRuntime` do the call sequence; the mappers stay pure.
 */
import type {
  AwsAgentRuntime,
  AwsGateway,
  AwsGatewayTarget,
  AwsListGatewayTargetsPage,
  GatewayResponses,
} from './aws-shapes.js';
import { createImportError } from './errors.js';

export interface ControlPlaneSource {
  getGateway(gatewayIdentifier: string): Promise<AwsGateway>;
  listGatewayTargets(gatewayIdentifier: string, nextToken?: string): Promise<AwsListGatewayTargetsPage>;
  getGatewayTarget(gatewayIdentifier: string, targetId: string): Promise<AwsGatewayTarget>;
  getAgentRuntime(agentRuntimeId: string): Promise<AwsAgentRuntime>;
}

/** Upper bound on ListGatewayTargets pages (a gateway holds far fewer targets; guards against a looping token). */
const MAX_PAGES = 100;

/** GetGateway, every page of ListGatewayTargets, then GetGatewayTarget for each target, in list order. */
export async function readGateway(source: ControlPlaneSource, gatewayIdentifier: string): Promise<GatewayResponses> {
  const gateway = await source.getGateway(gatewayIdentifier);
  const id = gateway.gatewayId ?? gatewayIdentifier;
  const targetIds: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await source.listGatewayTargets(id, nextToken);
    for (const item of res.items ?? []) if (item.targetId) targetIds.push(item.targetId);
    nextToken = res.nextToken || undefined;
    if (!nextToken) break;
  }
  const targets: AwsGatewayTarget[] = [];
  for (const targetId of targetIds) targets.push(await source.getGatewayTarget(id, targetId));
  return { gateway, targets };
}

export function readRuntime(source: ControlPlaneSource, agentRuntimeId: string): Promise<AwsAgentRuntime> {
  return source.getAgentRuntime(agentRuntimeId);
}

export interface ParsedArn {
  region: string;
  account: string;
  kind: 'gateway' | 'runtime';
  id: string;
}

const ARN = /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):(\d{12}):(gateway|runtime)\/([A-Za-z0-9_-]+)$/;

/** Parse `arn:aws:bedrock-agentcore:<region>:<account>:gateway/<id>` (or `runtime/<id>`). */
export function parseAgentcoreArn(arn: string, kind: ParsedArn['kind']): ParsedArn {
  const m = ARN.exec(arn);
  if (!m || m[3] !== kind) {
    throw createImportError('ERR_IMPORT_INVALID_ARN', 'InvalidArn', { arn, kind }, { arn, kind });
  }
  return { region: m[1] ?? '', account: m[2] ?? '', kind, id: m[4] ?? '' };
}
