/**
 * Composes the project schema from auth variants. The core knows only the built-in variants (AWS_IAM, NONE,
 * GATEWAY_IAM_ROLE); everything else comes from registered strategies through {@link ComposeOptions}.
 */
import { z } from 'zod';
import { CredentialSchema } from './credential.js';
import { ProjectNameSchema, TagsSchema } from './fields.js';
import { GatewayBaseSchema, PRESERVED_TOP_LEVEL_KEYS, RuntimeBaseSchema, TargetBaseSchema } from './resources.js';
import type { TargetType } from './target-types.js';

export type InboundResourceKind = 'runtime' | 'gateway';

/** An inbound authorizer type (`authorizerType` of a runtime or gateway). */
export interface InboundAuthVariant {
  type: string;
  appliesTo: readonly InboundResourceKind[];
  /** Schema of `authorizerConfiguration`; absent means the type takes none (and the field is rejected). */
  configSchema?: z.ZodType;
}

/** An outbound auth type (`outboundAuth.type` of a gateway target). */
export interface OutboundAuthVariant {
  type: string;
  appliesTo: readonly TargetType[];
  /** Strict schema of the `outboundAuth` fields other than `type`. */
  fieldsSchema: z.ZodObject;
}

export interface ComposeOptions {
  inbound?: readonly InboundAuthVariant[];
  outbound?: readonly OutboundAuthVariant[];
  /** Install hints for auth types no installed strategy provides: type → package name. */
  installHints?: Readonly<Record<string, string>>;
}

export const BUILTIN_INBOUND: readonly InboundAuthVariant[] = [
  { type: 'AWS_IAM', appliesTo: ['runtime', 'gateway'] },
  { type: 'NONE', appliesTo: ['gateway'] },
];

export const BUILTIN_OUTBOUND: readonly OutboundAuthVariant[] = [
  { type: 'NONE', appliesTo: ['mcpServer', 'openApiSchema', 'smithyModel', 'apiGateway', 'lambda', 'httpRuntime', 'connector', 'passthrough'], fieldsSchema: z.object({}).strict() },
  {
    type: 'GATEWAY_IAM_ROLE',
    appliesTo: ['mcpServer', 'openApiSchema', 'smithyModel', 'apiGateway', 'lambda', 'httpRuntime', 'connector', 'passthrough'],
    fieldsSchema: z.object({ service: z.string().min(1).max(64).optional(), region: z.string().min(1).max(32).optional() }).strict(),
  },
];

/** Default inbound type when `authorizerType` is absent. */
export const DEFAULT_AUTHORIZER: Readonly<Record<InboundResourceKind, string>> = { runtime: 'AWS_IAM', gateway: 'NONE' };

function unknownTypeMessage(field: string, value: unknown, known: string[], hints: Readonly<Record<string, string>>): string {
  const v = typeof value === 'string' ? value : JSON.stringify(value);
  const hint = typeof value === 'string' ? hints[value] : undefined;
  if (hint) return `${field} "${v}" is provided by the plugin ${hint}, which is not installed. Run \`agentcore plugins install ${hint}\`.`;
  return `${field} "${v}" is not known. Installed types: ${known.join(', ')}.`;
}

/** zod's discriminated unions need a non-empty tuple; the built-ins guarantee at least one option. */
function atLeastOne<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new TypeError('a union needs at least one option');
  return [first, ...rest];
}

function inboundUnion<B extends z.ZodObject>(base: B, kind: InboundResourceKind, variants: readonly InboundAuthVariant[], hints: Readonly<Record<string, string>>) {
  const applicable = variants.filter((v) => v.appliesTo.includes(kind));
  const options = applicable.map((v) => {
    const isDefault = v.type === DEFAULT_AUTHORIZER[kind];
    const typeSchema = isDefault ? z.literal(v.type).optional() : z.literal(v.type);
    const configSchema = v.configSchema
      ? v.configSchema
      : z.never({ error: `authorizerConfiguration is not allowed with authorizerType ${v.type}; remove it` }).optional();
    return base.extend({ authorizerType: typeSchema, authorizerConfiguration: configSchema });
  });
  const known = applicable.map((v) => v.type);
  return z.discriminatedUnion('authorizerType', atLeastOne(options), {
    error: (iss) =>
      iss.code === 'invalid_union' && 'note' in iss && iss.note === 'No matching discriminator'
        ? unknownTypeMessage('authorizerType', (iss.input as { authorizerType?: unknown } | undefined)?.authorizerType, known, hints)
        : undefined,
  });
}

function outboundUnion(variants: readonly OutboundAuthVariant[], hints: Readonly<Record<string, string>>) {
  // `type` first, so written configs read `{"type": "API_KEY", "credentialName": …}` like the official CLI's.
  const options = variants.map((v) =>
    z.object({ type: v.type === 'NONE' ? z.literal('NONE').optional() : z.literal(v.type) }).extend(v.fieldsSchema.shape).strict(),
  );
  const known = variants.map((v) => v.type);
  return z.discriminatedUnion('type', atLeastOne(options), {
    error: (iss) =>
      iss.code === 'invalid_union' && 'note' in iss && iss.note === 'No matching discriminator'
        ? unknownTypeMessage('outboundAuth.type', (iss.input as { type?: unknown } | undefined)?.type, known, hints)
        : undefined,
  });
}

/** Build the project schema for a set of installed variants (built-ins are always included). */
export function composeProjectSchema(options: ComposeOptions = {}) {
  const hints = options.installHints ?? {};
  const inbound = [...BUILTIN_INBOUND, ...(options.inbound ?? [])];
  const outbound = [...BUILTIN_OUTBOUND, ...(options.outbound ?? [])];
  const runtime = inboundUnion(RuntimeBaseSchema, 'runtime', inbound, hints);
  const target = TargetBaseSchema.extend({ outboundAuth: outboundUnion(outbound, hints).optional() });
  const gateway = inboundUnion(GatewayBaseSchema.extend({ targets: z.array(target) }), 'gateway', inbound, hints);
  const preserved = Object.fromEntries(PRESERVED_TOP_LEVEL_KEYS.map((k) => [k, z.array(z.unknown()).optional()]));
  return z
    .object({
      $schema: z.string().optional(),
      name: ProjectNameSchema,
      version: z.number().int().min(1),
      managedBy: z.literal('CDK').optional(),
      tags: TagsSchema.optional(),
      runtimes: z.array(runtime).default([]),
      credentials: z.array(CredentialSchema).default([]),
      agentCoreGateways: z.array(gateway).default([]),
      ...preserved,
    })
    .strict();
}
