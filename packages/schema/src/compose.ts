/**
 * Composes the project schema from auth variants. The core knows only the built-in variants (AWS_IAM, NONE,
 * GATEWAY_IAM_ROLE); everything else comes from registered strategies through {@link ComposeOptions}.
 */
import * as z from 'zod/mini';
import { AnyCredentialSchema, type CredentialKindVariant } from './credential.js';
import { CredentialNameSchema, ProjectNameSchema, TagsSchema } from './fields.js';
import { schemaMessages } from './messages.js';
import { GatewayBaseSchema, PRESERVED_TOP_LEVEL_KEYS, RuntimeBaseSchema, TargetBaseSchema } from './resources.js';
import type { TargetType } from './target-types.js';
import { ensureZodEnglish, type AnyZodObject, type AnyZodSchema } from './zod.js';

ensureZodEnglish();

export type InboundResourceKind = 'runtime' | 'gateway';

/** An inbound authorizer type (`authorizerType` of a runtime or gateway). */
export interface InboundAuthVariant {
  type: string;
  appliesTo: readonly InboundResourceKind[];
  /** Schema of `authorizerConfiguration` (classic `zod` or `zod/mini`); absent means the type takes none (and the field is rejected). */
  configSchema?: AnyZodSchema;
}

/** An outbound auth type (`outboundAuth.type` of a gateway target). */
export interface OutboundAuthVariant {
  type: string;
  appliesTo: readonly TargetType[];
  /** Strict object schema (classic `zod` or `zod/mini`) of the `outboundAuth` fields other than `type`. */
  fieldsSchema: AnyZodObject;
}

export interface ComposeOptions {
  inbound?: readonly InboundAuthVariant[];
  outbound?: readonly OutboundAuthVariant[];
  /** Credential kinds (`credentials[].authorizerType`); none means any kind is accepted with the common fields. */
  credentialKinds?: readonly CredentialKindVariant[];
  /** Install hints for auth types no installed strategy provides: type → package name. */
  installHints?: Readonly<Record<string, string>>;
}

export const BUILTIN_INBOUND: readonly InboundAuthVariant[] = [
  { type: 'AWS_IAM', appliesTo: ['runtime', 'gateway'] },
  { type: 'NONE', appliesTo: ['gateway'] },
];

export const BUILTIN_OUTBOUND: readonly OutboundAuthVariant[] = [
  {
    type: 'NONE',
    appliesTo: [
      'mcpServer',
      'openApiSchema',
      'smithyModel',
      'apiGateway',
      'lambda',
      'httpRuntime',
      'connector',
      'passthrough',
    ],
    fieldsSchema: z.strictObject({}),
  },
  {
    type: 'GATEWAY_IAM_ROLE',
    appliesTo: [
      'mcpServer',
      'openApiSchema',
      'smithyModel',
      'apiGateway',
      'lambda',
      'httpRuntime',
      'connector',
      'passthrough',
    ],
    fieldsSchema: z.strictObject({
      service: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      region: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
    }),
  },
];

/** Default inbound type when `authorizerType` is absent. */
export const DEFAULT_AUTHORIZER: Readonly<Record<InboundResourceKind, string>> = {
  runtime: 'AWS_IAM',
  gateway: 'NONE',
};

function unknownTypeMessage(
  field: string,
  value: unknown,
  known: string[],
  hints: Readonly<Record<string, string>>,
): string {
  const v = typeof value === 'string' ? value : JSON.stringify(value);
  const hint = typeof value === 'string' ? hints[value] : undefined;
  if (hint)
    return `${field} "${v}" is provided by the plugin ${hint}, which is not installed. Run \`agentcore plugins install ${hint}\`.`;
  return `${field} "${v}" is not known. Installed types: ${known.join(', ')}.`;
}

/** zod's discriminated unions need a non-empty tuple; the built-ins guarantee at least one option. */
function atLeastOne<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  // messages-check: internal — the built-in variants always make the list non-empty
  if (first === undefined) throw new TypeError('a union needs at least one option');
  return [first, ...rest];
}

function inboundUnion<B extends z.ZodMiniObject>(
  base: B,
  kind: InboundResourceKind,
  variants: readonly InboundAuthVariant[],
  hints: Readonly<Record<string, string>>,
) {
  const applicable = variants.filter((v) => v.appliesTo.includes(kind));
  const options = applicable.map((v) => {
    const isDefault = v.type === DEFAULT_AUTHORIZER[kind];
    const typeSchema = isDefault ? z.optional(z.literal(v.type)) : z.literal(v.type);
    const configSchema = v.configSchema
      ? v.configSchema
      : z.optional(
          z.never({ error: () => schemaMessages().get('field.AuthorizerConfigurationNotAllowed', { type: v.type }) }),
        );
    return z.extend(base, { authorizerType: typeSchema, authorizerConfiguration: configSchema });
  });
  return unionByType(
    'authorizerType',
    'authorizerType',
    options,
    applicable.map((v) => v.type),
    hints,
  );
}

/**
 * A union discriminated by `key` whose error for a type nobody registered names the known types and, where a
 * plugin provides it, the plugin to install (`field` is how the message names the field).
 */
function unionByType<O extends z.core.$ZodTypeDiscriminable>(
  key: string,
  field: string,
  options: readonly O[],
  known: string[],
  hints: Readonly<Record<string, string>>,
) {
  return z.discriminatedUnion(key, atLeastOne(options), {
    error: (iss) =>
      iss.code === 'invalid_union' && 'note' in iss && iss.note === 'No matching discriminator'
        ? unknownTypeMessage(field, (iss.input as Record<string, unknown> | undefined)?.[key], known, hints)
        : undefined,
  });
}

function outboundUnion(variants: readonly OutboundAuthVariant[], hints: Readonly<Record<string, string>>) {
  // `type` first, so written configs read `{"type": "API_KEY", "credentialName": …}` like the official CLI's.
  // The fields come from the core definition, so a strategy's classic-zod object composes like a zod/mini one.
  const options = variants.map((v) =>
    z.strictObject({
      type: v.type === 'NONE' ? z.optional(z.literal('NONE')) : z.literal(v.type),
      ...v.fieldsSchema._zod.def.shape,
    }),
  );
  return unionByType(
    'type',
    'outboundAuth.type',
    options,
    variants.map((v) => v.type),
    hints,
  );
}

function credentialUnion(variants: readonly CredentialKindVariant[], hints: Readonly<Record<string, string>>) {
  if (variants.length === 0) return AnyCredentialSchema;
  // `authorizerType` and `name` first, so written credentials read like the official CLI's.
  const options = variants.map((v) =>
    z.strictObject({
      authorizerType: z.literal(v.authorizerType),
      name: v.nameSchema ?? CredentialNameSchema,
      ...v.fieldsSchema._zod.def.shape,
    }),
  );
  return unionByType(
    'authorizerType',
    'authorizerType',
    options,
    variants.map((v) => v.authorizerType),
    hints,
  );
}

/** Build the project schema for a set of installed variants (built-ins are always included). */
export function composeProjectSchema(options: ComposeOptions = {}) {
  const hints = options.installHints ?? {};
  const inbound = [...BUILTIN_INBOUND, ...(options.inbound ?? [])];
  const outbound = [...BUILTIN_OUTBOUND, ...(options.outbound ?? [])];
  const runtime = inboundUnion(RuntimeBaseSchema, 'runtime', inbound, hints);
  const target = z.extend(TargetBaseSchema, { outboundAuth: z.optional(outboundUnion(outbound, hints)) });
  const gateway = inboundUnion(z.extend(GatewayBaseSchema, { targets: z.array(target) }), 'gateway', inbound, hints);
  const preserved = Object.fromEntries(PRESERVED_TOP_LEVEL_KEYS.map((k) => [k, z.optional(z.array(z.unknown()))]));
  return z.strictObject({
    $schema: z.optional(z.string()),
    name: ProjectNameSchema,
    version: z.number().check(z.int(), z.minimum(1)),
    managedBy: z.optional(z.literal('CDK')),
    tags: z.optional(TagsSchema),
    runtimes: z._default(z.array(runtime), []),
    credentials: z._default(z.array(credentialUnion(options.credentialKinds ?? [], hints)), []),
    agentCoreGateways: z._default(z.array(gateway), []),
    ...preserved,
  });
}
