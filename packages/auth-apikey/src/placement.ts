/**
 * API-key placement: where the gateway puts the key on an outbound request. The rules are written once here and
 * reused by the config model, the flag path, the wizard and the AWS mapping. Defaults (HEADER / `x-api-key` / no
 * prefix) are never written to agentcore.json: {@link buildApiKeyPlacement} drops them.
 */
import { CredentialNameSchema, ensureZodEnglish, type AnyZodSchema } from '@agentcore/schema';
import * as z from 'zod/mini';
import { messages } from './messages.js';

ensureZodEnglish();

export const DEFAULT_API_KEY_LOCATION = 'HEADER';
export const DEFAULT_API_KEY_PARAMETER_NAME = 'x-api-key';
/** AWS limit for `credentialParameterName` and `credentialPrefix` (ApiKeyCredentialProvider). */
export const API_KEY_FIELD_MAX = 64;

/** RFC 7230 `token` (tchar+): the only characters a header name may hold. */
export const HEADER_TOKEN_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** C0 controls, DEL and C1 controls: never allowed (no CR/LF header or URL injection). */
export const CONTROL_CHARACTER_PATTERN = /[\u0000-\u001f\u007f-\u009f]/;
/** A query-parameter name: no whitespace and none of the characters that delimit query parts. */
export const QUERY_NAME_PATTERN = /^[^\s&=#]+$/;
/** What a header value may hold: visible ASCII, space and tab. */
const HEADER_VALUE_PATTERN = /^[\t\u0020-\u007e]*$/;

export const ApiKeyLocationSchema = z.enum(['HEADER', 'QUERY_PARAMETER']);
export type ApiKeyLocation = z.infer<typeof ApiKeyLocationSchema>;

const boundedText = () =>
  z.string().check(
    z.minLength(1, messages.get('invalid.length', { max: API_KEY_FIELD_MAX })),
    z.maxLength(API_KEY_FIELD_MAX, messages.get('invalid.length', { max: API_KEY_FIELD_MAX })),
    z.refine((v) => !CONTROL_CHARACTER_PATTERN.test(v), messages.get('invalid.control')),
  );

const BoundedTextSchema = boundedText();
const passes = (v: string) => BoundedTextSchema.safeParse(v).success;

/** A header name carrying the key (location HEADER). */
export const ApiKeyHeaderNameSchema = boundedText().check(
  z.regex(HEADER_TOKEN_PATTERN, messages.get('invalid.headerToken')),
);
/** A query-parameter name carrying the key (location QUERY_PARAMETER). */
export const ApiKeyQueryParameterNameSchema = boundedText().check(
  z.regex(QUERY_NAME_PATTERN, messages.get('invalid.queryName')),
);
/** Text put before the key. */
export const ApiKeyPrefixSchema = boundedText();

/** The parameter-name rule for a location. */
export function parameterNameSchemaFor(location: ApiKeyLocation | undefined): AnyZodSchema<string> {
  return (location ?? DEFAULT_API_KEY_LOCATION) === 'HEADER' ? ApiKeyHeaderNameSchema : ApiKeyQueryParameterNameSchema;
}

/** Location-dependent prefix rules (the length and control checks are in {@link ApiKeyPrefixSchema}). */
export function checkApiKeyPrefix(prefix: string, location: ApiKeyLocation | undefined): string | undefined {
  if ((location ?? DEFAULT_API_KEY_LOCATION) === 'HEADER' && !HEADER_VALUE_PATTERN.test(prefix))
    return messages.get('invalid.headerPrefix');
  // The prefix AWS receives includes the separating space (see cloud.ts): it must still fit AWS's 64.
  if (prefix.length >= API_KEY_FIELD_MAX && !/\s$/.test(prefix)) return messages.get('invalid.prefixRoom');
  return undefined;
}

/** `outboundAuth.apiKey`: every field optional, absent fields take the defaults. */
export const ApiKeyPlacementSchema = z
  .strictObject({
    location: z.optional(ApiKeyLocationSchema),
    parameterName: z.optional(boundedText()),
    prefix: z.optional(ApiKeyPrefixSchema),
  })
  .check(
    z.superRefine((placement, ctx) => {
      // Length and control characters are reported by the field itself; only the location-dependent rules run here.
      if (placement.parameterName !== undefined && passes(placement.parameterName)) {
        const r = parameterNameSchemaFor(placement.location).safeParse(placement.parameterName);
        if (!r.success)
          ctx.addIssue({
            code: 'custom',
            path: ['parameterName'],
            message: r.error.issues[0]?.message ?? messages.get('invalid.queryName'),
          });
      }
      const prefixProblem =
        placement.prefix === undefined || !passes(placement.prefix)
          ? undefined
          : checkApiKeyPrefix(placement.prefix, placement.location);
      if (prefixProblem) ctx.addIssue({ code: 'custom', path: ['prefix'], message: prefixProblem });
    }),
  );
export type ApiKeyPlacement = z.infer<typeof ApiKeyPlacementSchema>;

/** The strategy's strict `outboundAuth` fields (other than `type`). */
export const ApiKeyOutboundFieldsSchema = z.strictObject({
  credentialName: CredentialNameSchema,
  apiKey: z.optional(ApiKeyPlacementSchema),
});
export type ApiKeyOutboundAuth = { type: 'API_KEY' } & z.infer<typeof ApiKeyOutboundFieldsSchema>;

export interface ApiKeyPlacementInput {
  location?: ApiKeyLocation;
  parameterName?: string;
  prefix?: string;
}

/**
 * Raw placement inputs (flags, wizard answers or an imported AWS response) → the block to write, without defaults:
 * location only if not HEADER, parameter name only if not `x-api-key` (case-insensitively for headers), prefix if
 * non-empty; undefined if nothing remains. Values are trimmed. Pure; validation is the schema's job.
 */
export function buildApiKeyPlacement(input: ApiKeyPlacementInput): ApiKeyPlacement | undefined {
  const location = input.location;
  const parameterName = input.parameterName?.trim();
  const prefix = input.prefix?.trim();
  const isHeader = (location ?? DEFAULT_API_KEY_LOCATION) === 'HEADER';
  const defaultName =
    parameterName === DEFAULT_API_KEY_PARAMETER_NAME ||
    (isHeader && parameterName?.toLowerCase() === DEFAULT_API_KEY_PARAMETER_NAME);
  const placement: ApiKeyPlacement = {
    ...(location && location !== DEFAULT_API_KEY_LOCATION ? { location } : {}),
    ...(parameterName && !defaultName ? { parameterName } : {}),
    ...(prefix ? { prefix } : {}),
  };
  return Object.keys(placement).length > 0 ? placement : undefined;
}

/** The effective placement with defaults filled in. */
export interface ResolvedApiKeyPlacement {
  location: ApiKeyLocation;
  parameterName: string;
  prefix?: string;
}

export function resolveApiKeyPlacement(config: { apiKey?: ApiKeyPlacement }): ResolvedApiKeyPlacement {
  const p = config.apiKey ?? {};
  return {
    location: p.location ?? DEFAULT_API_KEY_LOCATION,
    parameterName: p.parameterName ?? DEFAULT_API_KEY_PARAMETER_NAME,
    ...(p.prefix ? { prefix: p.prefix } : {}),
  };
}

/** The prefix with the separator the key follows: one space, unless it already ends in whitespace. */
export function prefixWithSeparator(prefix: string | undefined): string {
  if (!prefix) return '';
  return /\s$/.test(prefix) ? prefix : `${prefix} `;
}

/** The value that goes on the wire: `<prefix> <key>`, or the key alone. */
export function formatApiKeyValue(prefix: string | undefined, key: string): string {
  return prefixWithSeparator(prefix) + key;
}

/** Case- and `-`/`_`-insensitive location spelling (`header`, `query-parameter`, `QUERY_PARAMETER`). */
export function parseApiKeyLocation(value: string): ApiKeyLocation | undefined {
  const v = value.trim().toUpperCase().replace(/-/g, '_');
  const r = ApiKeyLocationSchema.safeParse(v);
  return r.success ? r.data : undefined;
}
