/**
 * client_credentials token client: cache → OIDC discovery → token endpoint → cache. Strategies call
 * `fetchClientCredentialsToken()` from their `token()`; a cache hit makes no request to the identity provider.
 */
import type { Dispatcher } from 'undici';
import type { AccessToken } from '../contract.js';
import { discoverIssuer } from '../oidc/discovery.js';
import { putCachedToken, readTokenCache, selectCachedToken, tokenCacheKey, writeTokenCache } from './token-cache.js';
import {
  clientAuthMethodOrder,
  clientCredentialsTokenRequest,
  isInvalidClientResponse,
  processClientCredentialsTokenResponse,
  type ClientAuthMethod,
} from './token-request.js';

export * from './token-cache.js';
export * from './token-request.js';

export interface FetchTokenOptions {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Requested scopes (the resource's allowedScopes); omitted when empty. */
  scopes?: readonly string[];
  /** Token cache file (agentcore/.cli/token-cache.json); no caching when absent. */
  cacheFile?: string;
  /** Skip the cache lookup (a fresh token is still written to the cache). */
  noCache?: boolean;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  /** Per-request timeout when no signal is given (default 15 s). */
  timeoutMs?: number;
  /** Clock override (tests): epoch milliseconds. */
  now?: () => number;
}

export async function fetchClientCredentialsToken(options: FetchTokenOptions): Promise<AccessToken> {
  const now = options.now ?? Date.now;
  const key = tokenCacheKey({ issuer: options.discoveryUrl, clientId: options.clientId, scopes: options.scopes });
  if (options.cacheFile && !options.noCache) {
    const hit = selectCachedToken(await readTokenCache(options.cacheFile), key, now());
    if (hit) return hit;
  }
  const request = { signal: options.signal, dispatcher: options.dispatcher, timeoutMs: options.timeoutMs };
  const metadata = await discoverIssuer(options.discoveryUrl, request);
  const client = { clientId: options.clientId, clientSecret: options.clientSecret };
  // One request per client authentication method until the issuer stops answering invalid_client.
  const methods = clientAuthMethodOrder(metadata);
  const tried: ClientAuthMethod[] = [];
  let response: Response | undefined;
  for (const method of methods) {
    tried.push(method);
    response = await clientCredentialsTokenRequest(metadata, client, { ...request, scopes: options.scopes, method });
    if (tried.length === methods.length || !(await isInvalidClientResponse(response))) break;
  }
  // messages-check: internal — the list of client authentication methods is never empty
  if (!response) throw new TypeError('unreachable: at least one client authentication method');
  const token = await processClientCredentialsTokenResponse(metadata, client, response, tried);
  if (options.cacheFile) {
    // Re-read just before writing so tokens cached meanwhile by another process survive.
    const cache = await readTokenCache(options.cacheFile);
    await writeTokenCache(options.cacheFile, putCachedToken(cache, key, token, now()));
  }
  return { ...token, fromCache: false };
}
