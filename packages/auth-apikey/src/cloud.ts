/**
 * Cloud shapes: agentcore.json `outboundAuth` ↔ the gateway target's credential provider configuration.
 * CloudFormation gets every placement field explicitly (defaults filled); the AWS response comes back through
 * {@link buildApiKeyPlacement}, so defaults are dropped again and a round trip is the identity.
 */
import type { CloudFormationOutboundContext, ImportContext } from '@agentcore/auth';
import { ensureZodEnglish } from '@agentcore/schema';
import * as z from 'zod/mini';
import { createApiKeyError } from './errors.js';
import {
  ApiKeyLocationSchema,
  buildApiKeyPlacement,
  prefixWithSeparator,
  resolveApiKeyPlacement,
  type ApiKeyOutboundAuth,
} from './placement.js';
import { messages } from './messages.js';

ensureZodEnglish();

export const API_KEY_PROVIDER_TYPE = 'API_KEY';

/**
 * One `CredentialProviderConfigurations` entry of `AWS::BedrockAgentCore::GatewayTarget`.
 * `CredentialPrefix` carries the separating space (`Bearer ` for a configured `Bearer`): AWS does not document
 * whether it adds one, and a prefix that already ends in whitespace gives `Bearer <key>` either way it behaves.
 */
export function toApiKeyCloudFormation(
  config: ApiKeyOutboundAuth,
  ctx: CloudFormationOutboundContext,
): Record<string, unknown> {
  if (ctx.providerArn === undefined) {
    throw createApiKeyError(
      'ERR_APIKEY_PROVIDER_ARN_MISSING',
      { name: config.credentialName },
      { credentialName: config.credentialName },
    );
  }
  const placement = resolveApiKeyPlacement(config);
  return {
    CredentialProviderType: API_KEY_PROVIDER_TYPE,
    CredentialProvider: {
      ApiKeyCredentialProvider: {
        ProviderArn: ctx.providerArn,
        CredentialLocation: placement.location,
        CredentialParameterName: placement.parameterName,
        ...(placement.prefix ? { CredentialPrefix: prefixWithSeparator(placement.prefix) } : {}),
      },
    },
  };
}

/** GetGatewayTarget `credentialProviderConfigurations[]` entry (only the parts this strategy reads). */
const AwsApiKeyConfigurationSchema = z.object({
  credentialProviderType: z.literal(API_KEY_PROVIDER_TYPE),
  credentialProvider: z.object({
    apiKeyCredentialProvider: z.object({
      providerArn: z.string().check(z.minLength(1)),
      credentialLocation: z.optional(ApiKeyLocationSchema),
      credentialParameterName: z.optional(z.string()),
      credentialPrefix: z.optional(z.string()),
    }),
  }),
});

function isApiKeyConfiguration(configuration: unknown): boolean {
  return (
    typeof configuration === 'object' &&
    configuration !== null &&
    (configuration as { credentialProviderType?: unknown }).credentialProviderType === API_KEY_PROVIDER_TYPE
  );
}

/** AWS configuration → `outboundAuth`, or undefined when it is not an API-key configuration. */
export function fromApiKeyAws(configuration: unknown, ctx: ImportContext): ApiKeyOutboundAuth | undefined {
  if (!isApiKeyConfiguration(configuration)) return undefined;
  const parsed = AwsApiKeyConfigurationSchema.safeParse(configuration);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue ? `${issue.path.join('.')}: ${issue.message}` : messages.get('reason.unexpectedShape');
    throw createApiKeyError('ERR_APIKEY_AWS_SHAPE_INVALID', { reason }, { reason });
  }
  const provider = parsed.data.credentialProvider.apiKeyCredentialProvider;
  const credentialName = ctx.credentialNameForArn(provider.providerArn);
  if (credentialName === undefined) {
    throw createApiKeyError(
      'ERR_APIKEY_PROVIDER_UNKNOWN',
      { arn: provider.providerArn },
      { providerArn: provider.providerArn },
    );
  }
  const apiKey = buildApiKeyPlacement({
    location: provider.credentialLocation,
    parameterName: provider.credentialParameterName,
    prefix: provider.credentialPrefix,
  });
  return { type: 'API_KEY', credentialName, ...(apiKey ? { apiKey } : {}) };
}
