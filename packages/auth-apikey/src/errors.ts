import { AgentcoreError } from '@agentcore/schema';
import { messages } from './messages.js';

export type ApiKeyErrorCode =
  | 'ERR_APIKEY_PROVIDER_UNKNOWN'
  | 'ERR_APIKEY_PROVIDER_ARN_MISSING'
  | 'ERR_APIKEY_AWS_SHAPE_INVALID'
  | 'ERR_APIKEY_VALUE_INVALID'
  | 'ERR_APIKEY_CONFIG_INVALID';

/** Errors of the API-key strategy. Never carries the key itself. */
export class ApiKeyError extends AgentcoreError<ApiKeyErrorCode> {}

const MESSAGE_KEYS: Readonly<Record<ApiKeyErrorCode, string>> = {
  ERR_APIKEY_PROVIDER_UNKNOWN: 'ProviderUnknown',
  ERR_APIKEY_PROVIDER_ARN_MISSING: 'ProviderArnMissing',
  ERR_APIKEY_AWS_SHAPE_INVALID: 'AwsShapeInvalid',
  ERR_APIKEY_VALUE_INVALID: 'ValueInvalid',
  ERR_APIKEY_CONFIG_INVALID: 'ConfigInvalid',
};

/** Build a coded error whose message and actions come from `error.<Name>` / `error.<Name>.actions`. */
export function createApiKeyError(
  code: ApiKeyErrorCode,
  values: Readonly<Record<string, string>>,
  details: Record<string, unknown> = {},
): ApiKeyError {
  const key = MESSAGE_KEYS[code];
  return new ApiKeyError(code, messages.get(`error.${key}`, values), {
    actions: messages.list(`error.${key}.actions`, values),
    details,
  });
}
