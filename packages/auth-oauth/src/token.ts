/**
 * `resolveSecret`: the credential's client id and secret (from `.env.local`) → an access token from the credential's
 * identity provider (OIDC discovery + client_credentials, through @agentcore/auth's token client), as the
 * gateway's token vault does. Tokens are kept in memory until a minute before they expire, and in the token
 * cache file when the caller passes one.
 */
import {
  fetchClientCredentialsToken,
  type OutboundSecret,
  type ResolveSecretInput,
  type TokenOptions,
} from '@agentcore/auth';
import { credentialEnvNames } from '@agentcore/schema';
import { createOAuthError } from './errors.js';
import type { OAuthOutboundAuth } from './schema.js';

const EXPIRY_SKEW_MS = 60_000;

export interface OAuthTokenMemo {
  get(key: string, nowMs: number): string | undefined;
  set(key: string, token: string, expiresAtMs: number): void;
}

/** A small in-memory token store (one per strategy instance). */
export function createTokenMemo(): OAuthTokenMemo {
  const entries = new Map<string, { token: string; expiresAtMs: number }>();
  return {
    get: (key, nowMs) => {
      const e = entries.get(key);
      return e && e.expiresAtMs - EXPIRY_SKEW_MS > nowMs ? e.token : undefined;
    },
    set: (key, token, expiresAtMs) => void entries.set(key, { token, expiresAtMs }),
  };
}

export interface ResolveOAuthOptions extends TokenOptions {
  memo?: OAuthTokenMemo;
  now?: () => number;
}

/** What `fetchClientCredentialsToken` needs, read from the credential and `.env.local`; throws when incomplete. */
export async function oauthTokenRequest(config: OAuthOutboundAuth, input: ResolveSecretInput) {
  const { credential } = input;
  const name = credential.name;
  if (credential.authorizerType !== 'OAuthCredentialProvider') {
    throw createOAuthError(
      'ERR_OAUTH_CREDENTIAL_WRONG_KIND',
      { name, kind: credential.authorizerType },
      { credentialName: name },
    );
  }
  const names = credentialEnvNames(name);
  const clientId = await input.secrets.get(names.clientId);
  const clientSecret = await input.secrets.get(names.clientSecret);
  const discoveryUrl = typeof credential.discoveryUrl === 'string' ? credential.discoveryUrl : undefined;
  const stored = Array.isArray(credential.scopes)
    ? credential.scopes.filter((s): s is string => typeof s === 'string')
    : [];
  const missing = [
    ...(discoveryUrl ? [] : ['discoveryUrl']),
    ...(clientId ? [] : [names.clientId]),
    ...(clientSecret ? [] : [names.clientSecret]),
  ];
  if (missing.length > 0 || !discoveryUrl || !clientId || !clientSecret) {
    throw createOAuthError(
      'ERR_OAUTH_CREDENTIAL_INCOMPLETE',
      { name, missing: missing.join(', ') },
      { credentialName: name, missing },
    );
  }
  const scopes = config.scopes && config.scopes.length > 0 ? config.scopes : stored;
  return { discoveryUrl, clientId, clientSecret, scopes };
}

export async function resolveOAuthSecret(
  config: OAuthOutboundAuth,
  input: ResolveSecretInput,
  options: ResolveOAuthOptions = {},
): Promise<OutboundSecret> {
  const request = await oauthTokenRequest(config, input);
  const now = options.now ?? Date.now;
  const key = JSON.stringify([request.discoveryUrl, request.clientId, request.scopes]);
  const remembered = options.noCache ? undefined : options.memo?.get(key, now());
  if (remembered) return { value: remembered, credentialName: input.credential.name };
  const token = await fetchClientCredentialsToken({
    ...request,
    cacheFile: options.cacheFile,
    noCache: options.noCache,
    signal: options.signal,
    now,
  });
  options.memo?.set(key, token.accessToken, now() + (token.expiresIn ?? 300) * 1000);
  return { value: token.accessToken, credentialName: input.credential.name };
}
