/**
 * Credentials (`credentials[]` of agentcore.json). The core knows only the fields every credential has —
 * `authorizerType` (its kind) and `name`; each kind's own fields come from the credential kind that declares it
 * (registered like auth strategies) through {@link CredentialKindVariant}, and compose.ts builds the union.
 */
import * as z from 'zod/mini';
import { reservedSuffixOf } from './env-names.js';
import { CredentialNameSchema } from './fields.js';
import { schemaMessages } from './messages.js';
import { ensureZodEnglish, type AnyZodObject, type AnyZodSchema } from './zod.js';

ensureZodEnglish();

/**
 * A name whose `.env.local` variable could be mistaken for another credential's field variable (a kind that stores
 * its secret under the bare prefix uses this as its `nameSchema`).
 */
export const CredentialNameNoReservedSuffixSchema = CredentialNameSchema.check(
  z.superRefine((name, ctx) => {
    const suffix = reservedSuffixOf(name);
    if (suffix)
      ctx.addIssue({
        code: 'custom',
        message: schemaMessages().get('field.CredentialNameReservedSuffix', {
          ending: suffix.slice(1).toLowerCase().replace(/_/g, '-'),
          suffix,
        }),
      });
  }),
);

/** One credential kind as the schema sees it: its stored `authorizerType` and its own fields. */
export interface CredentialKindVariant {
  authorizerType: string;
  /** Strict object schema (classic `zod` or `zod/mini`) of the fields other than `authorizerType` and `name`. */
  fieldsSchema: AnyZodObject;
  /** Replaces the common name check (e.g. to forbid names that collide with other kinds' env variables). */
  nameSchema?: AnyZodSchema<string>;
}

/** The fields every credential has; the rest belongs to its kind. */
export interface Credential {
  authorizerType: string;
  name: string;
  [field: string]: unknown;
}

/** Without any registered kind (a bare schema model), only the common fields are checked. */
export const AnyCredentialSchema = z.looseObject({ authorizerType: z.string(), name: CredentialNameSchema });

export type CredentialKindName = Credential['authorizerType'];
