/**
 * Physical ids, `Ref` values and `Fn::GetAtt` attributes of created resources, in AWS's formats:
 * runtime `arn:aws:bedrock-agentcore:<region>:<account>:runtime/<Name>-<10 chars>`, gateway `<name>-<10 chars>` with
 * `https://<id>.gateway.bedrock-agentcore.<region>.amazonaws.com/mcp`, target ids of 10 characters, IAM roles
 * (`Arn`, `RoleId`). Other types get `<stack>-<logicalId>-<12 chars>` and generic attributes.
 */
import { randomBytes } from 'node:crypto';
import type { IdentityStore } from '../identity.js';
import type { TypeSpec } from './spec.js';

export interface PhysicalResource {
  physicalId: string;
  /** What `Ref` returns. */
  ref: string;
  attributes: Record<string, string>;
}

export interface ResourceContext {
  region: string;
  accountId: string;
  stackName: string;
  identity: IdentityStore;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomId(n: number, alphabet = ALNUM): string {
  return Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const str = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v : fallback);

function workload(ctx: ResourceContext, name: string): string {
  return `arn:aws:bedrock-agentcore:${ctx.region}:${ctx.accountId}:workload-identity-directory/default/workload-identity/${name}`;
}

/** Create (physically) a resource of `type`. */
export function createPhysical(
  type: string,
  logicalId: string,
  props: Record<string, unknown>,
  ctx: ResourceContext,
  spec: TypeSpec | undefined,
): PhysicalResource {
  const now = new Date().toISOString();
  const { region, accountId } = ctx;
  switch (type) {
    case 'AWS::BedrockAgentCore::Runtime': {
      const name = str(props.AgentRuntimeName, logicalId);
      const id = `${name}-${randomId(10)}`;
      const arn = `arn:aws:bedrock-agentcore:${region}:${accountId}:runtime/${id}`;
      const attributes = {
        AgentRuntimeArn: arn,
        AgentRuntimeId: id,
        AgentRuntimeVersion: '1',
        Status: 'READY',
        CreatedAt: now,
        LastUpdatedAt: now,
        'WorkloadIdentityDetails.WorkloadIdentityArn': workload(ctx, id),
      };
      return { physicalId: id, ref: id, attributes };
    }
    case 'AWS::BedrockAgentCore::Gateway': {
      const id = `${str(props.Name, logicalId).toLowerCase()}-${randomId(10, LOWER)}`;
      const attributes = {
        GatewayArn: `arn:aws:bedrock-agentcore:${region}:${accountId}:gateway/${id}`,
        GatewayIdentifier: id,
        GatewayUrl: `https://${id}.gateway.bedrock-agentcore.${region}.amazonaws.com/mcp`,
        Status: 'READY',
        CreatedAt: now,
        UpdatedAt: now,
        'WorkloadIdentityDetails.WorkloadIdentityArn': workload(ctx, id),
      };
      return { physicalId: id, ref: id, attributes };
    }
    case 'AWS::BedrockAgentCore::GatewayTarget': {
      const gatewayId = str(props.GatewayIdentifier, 'unknown');
      const targetId = randomId(10, UPPER);
      const attributes = {
        TargetId: targetId,
        GatewayArn: `arn:aws:bedrock-agentcore:${region}:${accountId}:gateway/${gatewayId}`,
        Status: 'READY',
        CreatedAt: now,
        UpdatedAt: now,
      };
      return { physicalId: `${gatewayId}|${targetId}`, ref: `${gatewayId}|${targetId}`, attributes };
    }
    case 'AWS::IAM::Role': {
      const name = str(props.RoleName, `${ctx.stackName}-${logicalId}-${randomId(12, UPPER)}`.slice(0, 64));
      const path = str(props.Path, '/');
      const attributes = { Arn: `arn:aws:iam::${accountId}:role${path}${name}`, RoleId: `AROA${randomId(17, UPPER)}` };
      return { physicalId: name, ref: name, attributes };
    }
    case 'AWS::BedrockAgentCore::ApiKeyCredentialProvider': {
      const p = ctx.identity.createApiKey(str(props.Name, logicalId), str(props.ApiKey, ''));
      const attributes = {
        CredentialProviderArn: p.arn,
        'ApiKeySecretArn.SecretArn': p.secretArn,
        CreatedTime: p.createdTime.toISOString(),
        LastUpdatedTime: p.lastUpdatedTime.toISOString(),
      };
      return { physicalId: p.arn, ref: p.arn, attributes };
    }
    default: {
      const physicalId = `${ctx.stackName}-${logicalId}-${randomId(12, UPPER)}`;
      const service = (type.split('::')[1] ?? 'unknown').toLowerCase();
      const kind = (type.split('::')[2] ?? 'resource').toLowerCase();
      const attributes: Record<string, string> = {};
      for (const a of spec?.attributes ?? []) {
        attributes[a] = a.endsWith('Arn')
          ? `arn:aws:${service}:${region}:${accountId}:${kind}/${physicalId}`
          : `${physicalId}-${a}`;
      }
      return { physicalId, ref: physicalId, attributes };
    }
  }
}

/** Update a resource in place (no replacement): timestamps and versions move, ids stay. */
export function updatePhysical(
  type: string,
  current: PhysicalResource,
  props: Record<string, unknown>,
  ctx: ResourceContext,
) {
  const now = new Date().toISOString();
  const attributes = { ...current.attributes };
  if ('UpdatedAt' in attributes) attributes.UpdatedAt = now;
  if ('LastUpdatedAt' in attributes) attributes.LastUpdatedAt = now;
  if (type === 'AWS::BedrockAgentCore::Runtime')
    attributes.AgentRuntimeVersion = String(Number(attributes.AgentRuntimeVersion ?? '1') + 1);
  if (type === 'AWS::BedrockAgentCore::ApiKeyCredentialProvider') {
    const p = ctx.identity.apiKey.get(str(props.Name, ''));
    if (p && typeof props.ApiKey === 'string') p.apiKey = props.ApiKey;
  }
  return { ...current, attributes };
}

/** Delete a resource physically (only the identity store keeps state outside the stack). */
export function deletePhysical(type: string, physicalId: string, ctx: ResourceContext): void {
  if (type === 'AWS::BedrockAgentCore::ApiKeyCredentialProvider') {
    for (const [name, p] of ctx.identity.apiKey) if (p.arn === physicalId) ctx.identity.apiKey.delete(name);
  }
}

/** Whether `Fn::GetAtt` may read `attribute` of this type (`A.B` is checked by its first part). */
export function hasAttribute(type: string, attribute: string, spec: TypeSpec | undefined): boolean {
  if (!spec) return true;
  return spec.attributes.has(attribute) || spec.attributes.has(attribute.split('.')[0] ?? '');
}
