/** Static types of the written config. Auth blocks are open here; their shape belongs to the strategies. */
import type * as z from 'zod/mini';
import type { Credential } from './credential.js';
import type { GatewayBaseSchema, PRESERVED_TOP_LEVEL_KEYS, RuntimeBaseSchema, TargetBaseSchema } from './resources.js';

export interface InboundAuthFields {
  /** Absent means the default: AWS_IAM for runtimes, NONE for gateways. */
  authorizerType?: string;
  authorizerConfiguration?: unknown;
}

export interface OutboundAuth {
  /** Absent means NONE. */
  type?: string;
  credentialName?: string;
  [field: string]: unknown;
}

export type Runtime = z.infer<typeof RuntimeBaseSchema> & InboundAuthFields;
export type GatewayTarget = z.infer<typeof TargetBaseSchema> & { outboundAuth?: OutboundAuth };
export type Gateway = z.infer<typeof GatewayBaseSchema> & InboundAuthFields & { targets: GatewayTarget[] };

export type ProjectConfig = {
  $schema?: string;
  name: string;
  version: number;
  managedBy?: 'CDK';
  tags?: Record<string, string>;
  runtimes: Runtime[];
  credentials: Credential[];
  agentCoreGateways: Gateway[];
} & { [K in (typeof PRESERVED_TOP_LEVEL_KEYS)[number]]?: unknown[] };

/** Where an inbound authorizer is attached. */
export type InboundOwner = { kind: 'runtime'; resource: Runtime } | { kind: 'gateway'; resource: Gateway };
