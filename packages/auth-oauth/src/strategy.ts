/** The outbound OAUTH strategy: one object holding everything that differs for OAuth client-credentials targets. */
import {
  defineOutboundStrategy,
  STRATEGY_CONTRACT_VERSION,
  type OutboundStrategy,
  type SafeAttributes,
} from '@agentcore/auth';
import { fromOAuthAws, toOAuthCloudFormation } from './cloud.js';
import { OAUTH_FLAGS, oauthFromFlags, oauthPrompts } from './flags.js';
import { messages } from './messages.js';
import { applyOAuth, describeOAuth, previewOAuth } from './request.js';
import { elideOAuthDefaults, OAUTH_TYPE, OAuthOutboundFieldsSchema, type OAuthOutboundAuth } from './schema.js';
import { createTokenMemo, resolveOAuthSecret } from './token.js';

/** Safe telemetry: how many scopes are requested; nothing else. */
export function oauthTelemetry(config: OAuthOutboundAuth | undefined): SafeAttributes {
  return { oauth_scope_count: config?.scopes?.length ?? 0 };
}

/** A fresh strategy object (its own in-memory token store); the plugin hook contributes {@link oauthStrategy}. */
export function createOAuthStrategy(): OutboundStrategy<OAuthOutboundAuth> {
  const memo = createTokenMemo();
  return defineOutboundStrategy<OAuthOutboundAuth>({
    type: OAUTH_TYPE,
    cliName: 'oauth',
    direction: 'outbound',
    summary: messages.get('summary'),
    contractVersion: STRATEGY_CONTRACT_VERSION,
    // AWS devguide: OAuth client credentials for MCP-server and OpenAPI targets.
    appliesTo: ['mcpServer', 'openApiSchema'],
    fieldsSchema: OAuthOutboundFieldsSchema,
    credentialKind: 'OAuthCredentialProvider',
    flags: OAUTH_FLAGS,
    fromFlags: oauthFromFlags,
    prompts: oauthPrompts,
    describe: describeOAuth,
    telemetry: oauthTelemetry,
    elideDefaults: elideOAuthDefaults,
    toCloudFormation: toOAuthCloudFormation,
    fromAws: fromOAuthAws,
    apply: applyOAuth,
    preview: (config, endpoint) => previewOAuth(config, endpoint),
    resolveSecret: (config, input, options) => resolveOAuthSecret(config, input, { ...options, memo }),
  });
}

export const oauthStrategy = createOAuthStrategy();
