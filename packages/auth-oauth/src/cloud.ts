/**
 * Cloud shapes: `outboundAuth` ↔ the gateway target's `CredentialProviderConfigurations` entry
 * (CloudFormation `CredentialProvider.OauthCredentialProvider {ProviderArn, Scopes (required), GrantType?}`,
 * checked against @aws-cdk/aws-service-spec). A round trip through AWS is the identity.
 */
import type { CloudFormationOutboundContext, ImportContext } from '@agentcore/auth';
import { ensureZodEnglish } from '@agentcore/schema';
import * as z from 'zod/mini';
import { createOAuthError } from './errors.js';
import { OAUTH_TYPE, type OAuthOutboundAuth } from './schema.js';
import { messages } from './messages.js';

ensureZodEnglish();

export const OAUTH_GRANT_TYPE = 'CLIENT_CREDENTIALS';

export function toOAuthCloudFormation(
  config: OAuthOutboundAuth,
  ctx: CloudFormationOutboundContext,
): Record<string, unknown> {
  if (ctx.providerArn === undefined) {
    throw createOAuthError(
      'ERR_OAUTH_PROVIDER_ARN_MISSING',
      { name: config.credentialName },
      { credentialName: config.credentialName },
    );
  }
  return {
    CredentialProviderType: OAUTH_TYPE,
    CredentialProvider: {
      OauthCredentialProvider: {
        ProviderArn: ctx.providerArn,
        Scopes: [...(config.scopes ?? [])],
        GrantType: OAUTH_GRANT_TYPE,
      },
    },
  };
}

/** GetGatewayTarget `credentialProviderConfigurations[]` entry (only the parts this strategy reads). */
const AwsOAuthConfigurationSchema = z.object({
  credentialProviderType: z.literal(OAUTH_TYPE),
  credentialProvider: z.object({
    oauthCredentialProvider: z.object({
      providerArn: z.string().check(z.minLength(1)),
      scopes: z.optional(z.array(z.string())),
      grantType: z.optional(z.string()),
    }),
  }),
});

function isOAuthConfiguration(configuration: unknown): boolean {
  return (
    typeof configuration === 'object' &&
    configuration !== null &&
    (configuration as { credentialProviderType?: unknown }).credentialProviderType === OAUTH_TYPE
  );
}

/** AWS configuration → `outboundAuth`, or undefined when it is not an OAuth configuration. */
export function fromOAuthAws(configuration: unknown, ctx: ImportContext): OAuthOutboundAuth | undefined {
  if (!isOAuthConfiguration(configuration)) return undefined;
  const parsed = AwsOAuthConfigurationSchema.safeParse(configuration);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue ? `${issue.path.join('.')}: ${issue.message}` : messages.get('reason.unexpectedShape');
    throw createOAuthError('ERR_OAUTH_AWS_SHAPE_INVALID', { reason }, { reason });
  }
  const provider = parsed.data.credentialProvider.oauthCredentialProvider;
  const credentialName = ctx.credentialNameForArn(provider.providerArn);
  if (credentialName === undefined) {
    throw createOAuthError(
      'ERR_OAUTH_PROVIDER_UNKNOWN',
      { arn: provider.providerArn },
      { providerArn: provider.providerArn },
    );
  }
  const scopes = provider.scopes ?? [];
  return { type: OAUTH_TYPE, credentialName, ...(scopes.length > 0 ? { scopes } : {}) };
}
