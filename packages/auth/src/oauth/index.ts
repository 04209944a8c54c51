/**
 * client_credentials token client (OWNED BY the invoke/token work — issue 5). The signature below is the agreed
 * contract; strategies call it from their `token()` implementation.
 */
import type { Dispatcher } from 'undici';
import type { AccessToken } from '../contract.js';
import { AuthError } from '../errors.js';

export interface FetchTokenOptions {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Requested scopes (the resource's allowedScopes); omitted when empty. */
  scopes?: readonly string[];
  /** Token cache file (agentcore/.cli/token-cache.json); no caching when absent. */
  cacheFile?: string;
  noCache?: boolean;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
}

export async function fetchClientCredentialsToken(options: FetchTokenOptions): Promise<AccessToken> {
  throw new AuthError('ERR_TOKEN_REQUEST', `client_credentials token fetch is not implemented yet (${options.discoveryUrl})`);
}
