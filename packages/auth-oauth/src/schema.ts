/**
 * The `outboundAuth` block of an OAUTH target: `{type: 'OAUTH', credentialName, scopes?}` — the official agentcore.json
 * shape, so projects stay loadable by the official CLI. Scopes are written only when non-empty.
 */
import { CredentialNameSchema, ensureZodEnglish } from '@agentcore/schema';
import * as z from 'zod/mini';
import { OAuthCredentialFieldsSchema, type OAuthCredentialFields } from '@agentcore/auth';
import { messages } from './messages.js';

ensureZodEnglish();

export const OAUTH_TYPE = 'OAUTH';

/** One OAuth scope: printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3 `scope-token`). */
export const OAuthScopeSchema = z
  .string()
  .check(
    z.minLength(1, { error: () => messages.get('field.scopeEmpty') }),
    z.regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, { error: () => messages.get('field.scopeChars') }),
  );

export const OAuthOutboundFieldsSchema = z.strictObject({
  credentialName: CredentialNameSchema,
  scopes: z.optional(z.array(OAuthScopeSchema)),
});
export type OAuthOutboundAuth = { type: 'OAUTH' } & z.infer<typeof OAuthOutboundFieldsSchema>;

/** Drop an empty `scopes` list (defaults are never written). */
export function elideOAuthDefaults(config: OAuthOutboundAuth): OAuthOutboundAuth {
  const { scopes, ...rest } = config;
  return scopes && scopes.length > 0 ? { ...rest, scopes: [...scopes] } : rest;
}

/** Split repeatable / comma-separated scope input into distinct trimmed scopes, in order. */
export function parseScopes(value: string | readonly string[] | undefined): string[] {
  const raw = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  const out: string[] = [];
  for (const part of raw.flatMap((v) => v.split(/[,\s]+/))) {
    const s = part.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A whole OAuth credential entry (the built-in kind's fields with its `authorizerType` and `name`). */
export const OAuthCredentialSchema = z.strictObject({
  authorizerType: z.literal('OAuthCredentialProvider'),
  name: CredentialNameSchema,
  ...OAuthCredentialFieldsSchema.shape,
});

export type OAuthCredential = OAuthCredentialFields & { authorizerType: 'OAuthCredentialProvider'; name: string };
