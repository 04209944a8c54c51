import * as z from 'zod/mini';
import { reservedSuffixOf } from './env-names.js';
import { CredentialNameSchema, HttpUrlSchema } from './fields.js';
import { ensureZodEnglish } from './zod.js';

ensureZodEnglish();

const CredentialNameNoReservedSuffix = CredentialNameSchema.check(
  z.superRefine((name, ctx) => {
    const suffix = reservedSuffixOf(name);
    if (suffix)
      ctx.addIssue({
        code: 'custom',
        message: `Credential name must not end in "${suffix.slice(1).toLowerCase().replace(/_/g, '-')}": its .env.local variable would be mistaken for a ${suffix} value`,
      });
  }),
);

export const ApiKeyCredentialSchema = z.strictObject({
  authorizerType: z.literal('ApiKeyCredentialProvider'),
  name: CredentialNameNoReservedSuffix,
});

/** Vendor the official CLI writes for custom OAuth providers. */
export const OAUTH_VENDOR_DEFAULT = 'CustomOauth2';

export const OAuthCredentialSchema = z.strictObject({
  authorizerType: z.literal('OAuthCredentialProvider'),
  name: CredentialNameSchema,
  discoveryUrl: z.optional(HttpUrlSchema),
  scopes: z.optional(z.array(z.string().check(z.minLength(1)))),
  vendor: z.optional(z.string().check(z.minLength(1))),
  managed: z.optional(z.boolean()),
  usage: z.optional(z.enum(['inbound', 'outbound'])),
});

export const CredentialSchema = z.discriminatedUnion(
  'authorizerType',
  [ApiKeyCredentialSchema, OAuthCredentialSchema],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? 'authorizerType must be ApiKeyCredentialProvider or OAuthCredentialProvider'
        : undefined,
  },
);

export type ApiKeyCredential = z.infer<typeof ApiKeyCredentialSchema>;
export type OAuthCredential = z.infer<typeof OAuthCredentialSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type CredentialKind = Credential['authorizerType'];
