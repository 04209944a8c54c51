/** The outbound API_KEY strategy: one object holding everything that differs for API-key auth. */
import { defineOutboundStrategy, STRATEGY_CONTRACT_VERSION, type SafeAttributes } from '@agentcore/auth';
import { fromApiKeyAws, toApiKeyCloudFormation } from './cloud.js';
import { API_KEY_FLAGS, apiKeyFromFlags, apiKeyPrompts } from './flags.js';
import { messages } from './messages.js';
import { ApiKeyOutboundFieldsSchema, buildApiKeyPlacement, type ApiKeyOutboundAuth } from './placement.js';
import { applyApiKey, describeApiKey, previewApiKey } from './request.js';

/** Drop placement fields equal to their defaults (and the block if nothing remains). */
export function elideApiKeyDefaults(config: ApiKeyOutboundAuth): ApiKeyOutboundAuth {
  const { apiKey, ...rest } = config;
  const placement = apiKey ? buildApiKeyPlacement(apiKey) : undefined;
  return placement ? { ...rest, apiKey: placement } : rest;
}

/** Safe telemetry: whether placement is customised and which location is used; nothing else. */
export function apiKeyTelemetry(config: ApiKeyOutboundAuth | undefined): SafeAttributes {
  if (!config) return { api_key_placement_customized: false, api_key_location: 'none' };
  const placement = config.apiKey ? buildApiKeyPlacement(config.apiKey) : undefined;
  return {
    api_key_placement_customized: placement !== undefined,
    api_key_location: placement?.location === 'QUERY_PARAMETER' ? 'query_parameter' : 'header',
  };
}

export const apiKeyStrategy = defineOutboundStrategy<ApiKeyOutboundAuth>({
  type: 'API_KEY',
  cliName: 'api-key',
  direction: 'outbound',
  summary: messages.get('summary'),
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer', 'openApiSchema', 'apiGateway'],
  fieldsSchema: ApiKeyOutboundFieldsSchema,
  credentialKind: 'ApiKeyCredentialProvider',
  flags: API_KEY_FLAGS,
  fromFlags: apiKeyFromFlags,
  prompts: apiKeyPrompts,
  describe: describeApiKey,
  telemetry: apiKeyTelemetry,
  elideDefaults: elideApiKeyDefaults,
  toCloudFormation: toApiKeyCloudFormation,
  fromAws: fromApiKeyAws,
  apply: applyApiKey,
  preview: (config, endpoint) => previewApiKey(config, endpoint),
});
