import { AgentcoreError } from '@agentcore/schema';
import { messages } from './messages.js';

export type OAuthErrorCode =
  | 'ERR_OAUTH_PROVIDER_ARN_MISSING'
  | 'ERR_OAUTH_PROVIDER_UNKNOWN'
  | 'ERR_OAUTH_AWS_SHAPE_INVALID'
  | 'ERR_OAUTH_CREDENTIAL_INCOMPLETE'
  | 'ERR_OAUTH_CREDENTIAL_WRONG_KIND'
  | 'ERR_OAUTH_TOKEN_INVALID';

/** Errors of the OAuth outbound strategy. Never carries the client secret or a token. */
export class OAuthStrategyError extends AgentcoreError<OAuthErrorCode> {}

const MESSAGE_KEYS: Readonly<Record<OAuthErrorCode, string>> = {
  ERR_OAUTH_PROVIDER_ARN_MISSING: 'ProviderArnMissing',
  ERR_OAUTH_PROVIDER_UNKNOWN: 'ProviderUnknown',
  ERR_OAUTH_AWS_SHAPE_INVALID: 'AwsShapeInvalid',
  ERR_OAUTH_CREDENTIAL_INCOMPLETE: 'CredentialIncomplete',
  ERR_OAUTH_CREDENTIAL_WRONG_KIND: 'CredentialWrongKind',
  ERR_OAUTH_TOKEN_INVALID: 'TokenInvalid',
};

/** A coded error whose message and actions come from `error.<Name>` / `error.<Name>.actions`. */
export function createOAuthError(
  code: OAuthErrorCode,
  values: Readonly<Record<string, string>>,
  details: Record<string, unknown> = {},
): OAuthStrategyError {
  const key = MESSAGE_KEYS[code];
  return new OAuthStrategyError(code, messages.get(`error.${key}`, values), {
    actions: messages.list(`error.${key}.actions`, values),
    details,
  });
}
