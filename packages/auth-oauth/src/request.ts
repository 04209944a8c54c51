/**
 * Putting the access token on an outbound request, as the gateway does (`Authorization: Bearer <token>`), and
 * previewing or describing it without the token. Pure: request in, new request out (the input is never mutated).
 */
import type { OutboundRequest, OutboundSecret } from '@agentcore/auth';
import { createOAuthError } from './errors.js';
import { messages } from './messages.js';
import type { OAuthOutboundAuth } from './schema.js';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Replace any `Authorization` header (whatever its case) with `Bearer <token>`. */
export function applyOAuth(
  request: OutboundRequest,
  _config: OAuthOutboundAuth,
  secret: OutboundSecret,
): OutboundRequest {
  if (secret.value === '' || CONTROL_CHARACTERS.test(secret.value)) {
    throw createOAuthError(
      'ERR_OAUTH_TOKEN_INVALID',
      { name: secret.credentialName },
      { credentialName: secret.credentialName },
    );
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
  );
  return { method: request.method, url: request.url, headers: { ...headers, Authorization: `Bearer ${secret.value}` } };
}

export function previewOAuth(_config: OAuthOutboundAuth, endpoint: string, method = 'POST'): string {
  return messages.get('preview', { method, endpoint });
}

/** One line for `agentcore status`: credential and scopes, no secret. */
export function describeOAuth(config: OAuthOutboundAuth): string {
  const scopes =
    config.scopes && config.scopes.length > 0
      ? messages.get('describe.scopes', { scopes: config.scopes.join(' ') })
      : '';
  return messages.get('describe', { credential: config.credentialName, scopes });
}
