import { z } from 'zod';
import { reservedSuffixOf } from './env-names.js';
import { CredentialNameSchema, HttpUrlSchema } from './fields.js';

const CredentialNameNoReservedSuffix = CredentialNameSchema.superRefine((name, ctx) => {
  const suffix = reservedSuffixOf(name);
  if (suffix) ctx.addIssue({ code: 'custom', message: `Credential name must not end in "${suffix.slice(1).toLowerCase().replace(/_/g, '-')}": its .env.local variable would be mistaken for a ${suffix} value` });
});

export const ApiKeyCredentialSchema = z
  .object({ authorizerType: z.literal('ApiKeyCredentialProvider'), name: CredentialNameNoReservedSuffix })
  .strict();

/** Vendor the official CLI writes for custom OAuth providers. */
export const OAUTH_VENDOR_DEFAULT = 'CustomOauth2';

export const OAuthCredentialSchema = z
  .object({
    authorizerType: z.literal('OAuthCredentialProvider'),
    name: CredentialNameSchema,
    discoveryUrl: HttpUrlSchema.optional(),
    scopes: z.array(z.string().min(1)).optional(),
    vendor: z.string().min(1).optional(),
    managed: z.boolean().optional(),
    usage: z.enum(['inbound', 'outbound']).optional(),
  })
  .strict();

export const CredentialSchema = z.discriminatedUnion('authorizerType', [ApiKeyCredentialSchema, OAuthCredentialSchema], {
  error: (iss) =>
    iss.code === 'invalid_union' ? 'authorizerType must be ApiKeyCredentialProvider or OAuthCredentialProvider' : undefined,
});

export type ApiKeyCredential = z.infer<typeof ApiKeyCredentialSchema>;
export type OAuthCredential = z.infer<typeof OAuthCredentialSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type CredentialKind = Credential['authorizerType'];
