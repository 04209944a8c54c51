/**
 * OIDC discovery on oauth4webapi: `discoveryRequest()` does the I/O, `processDiscoveryResponse()` checks status,
 * content type and that the document's `issuer` is the issuer the discovery URL names — the URL is
 * `issuer + /.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4.3, RFC 8414 §3.3) — and throws
 * coded errors. Every URL fetched passes the https-or-loopback rule, redirects stay on the same origin and the
 * document is read up to 1 MiB (`./http.ts`). `discoverIssuer()` combines both with an in-memory cache per URL.
 */
import * as oauth from 'oauth4webapi';
import type { Dispatcher } from 'undici';
import { OIDC_DISCOVERY_SUFFIX } from '@agentcore/schema';
import { AuthError } from '../errors.js';
import { displayUrl, idpFetch, isTimeout } from './http.js';

export {
  assertIdpUrl,
  displayUrl,
  idpFetch,
  isAllowedIdpUrl,
  isLoopbackHost,
  isLoopbackUrl,
  isTimeout,
  MAX_IDP_REDIRECTS,
  MAX_IDP_RESPONSE_BYTES,
  type IdpFetch,
  type IdpFetchOptions,
} from './http.js';
import { idpMessages } from '../idp-messages.js';

export interface IssuerMetadata {
  issuer: string;
  jwks_uri?: string;
  token_endpoint?: string;
  grant_types_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  scopes_supported?: string[];
  [key: string]: unknown;
}

export interface DiscoveryOptions {
  dispatcher?: Dispatcher;
  /** Covers the whole exchange, headers and body (default: a `timeoutMs` timeout). */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** ERR_DISCOVERY with the message and actions of `error.<key>` in messages/idp.md. */
const discoveryFailed = (
  key: string,
  values: Readonly<Record<string, string | number>>,
  details: Record<string, unknown>,
  cause?: unknown,
) =>
  new AuthError('ERR_DISCOVERY', idpMessages().get(`error.${key}`, values), {
    actions: idpMessages().list(`error.${key}.actions`, values),
    details,
    ...(cause === undefined ? {} : { cause }),
  });

/** The issuer a discovery URL names: the URL without `/.well-known/openid-configuration`. */
export function issuerOfDiscoveryUrl(discoveryUrl: string): URL {
  let url: URL;
  try {
    url = new URL(discoveryUrl);
  } catch {
    throw discoveryFailed('DiscoveryNotUrl', { url: JSON.stringify(discoveryUrl) }, { reason: 'invalid_url' });
  }
  if (!url.pathname.endsWith(OIDC_DISCOVERY_SUFFIX) || url.search !== '' || url.hash !== '') {
    throw discoveryFailed(
      'DiscoveryNoSuffix',
      { url: displayUrl(url), suffix: OIDC_DISCOVERY_SUFFIX },
      { url: displayUrl(url), reason: 'not_a_discovery_url' },
    );
  }
  url.pathname = url.pathname.slice(0, -OIDC_DISCOVERY_SUFFIX.length) || '/';
  return url;
}

export async function discoveryRequest(discoveryUrl: string, options: DiscoveryOptions = {}): Promise<Response> {
  const issuer = issuerOfDiscoveryUrl(discoveryUrl);
  const signal = options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const fetchDocument = idpFetch({
    code: 'ERR_DISCOVERY',
    what: idpMessages().get('what.DiscoveryDocument'),
    followRedirects: true,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  try {
    return await oauth.discoveryRequest(issuer, {
      algorithm: 'oidc',
      signal,
      // The https-or-loopback rule is applied by idpFetch to every URL, redirects included.
      [oauth.allowInsecureRequests]: true,
      [oauth.customFetch]: fetchDocument,
    });
  } catch (err) {
    if (err instanceof AuthError) throw err;
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw discoveryFailed(
      'DiscoveryUnreachable',
      { url: displayUrl(discoveryUrl), reason },
      { url: displayUrl(discoveryUrl), reason: isTimeout(err) ? 'timeout' : 'unreachable' },
      err,
    );
  }
}

export async function processDiscoveryResponse(discoveryUrl: string, response: Response): Promise<IssuerMetadata> {
  const issuer = issuerOfDiscoveryUrl(discoveryUrl);
  const where = displayUrl(discoveryUrl);
  if (response.status !== 200) {
    throw discoveryFailed(
      'DiscoveryStatus',
      { status: response.status, statusText: response.statusText, url: where },
      { url: where, status: response.status },
    );
  }
  try {
    return (await oauth.processDiscoveryResponse(issuer, response)) as IssuerMetadata;
  } catch (err) {
    const body = (err as { cause?: { body?: { issuer?: unknown } } }).cause?.body;
    if (err instanceof oauth.OperationProcessingError && err.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
      const named = JSON.stringify(body?.issuer) ?? 'undefined';
      const expected = JSON.stringify(issuer.href.replace(/\/$/, ''));
      throw discoveryFailed(
        'IssuerMismatch',
        { url: where, named, expected },
        { url: where, reason: 'issuer_mismatch', issuer: body?.issuer },
      );
    }
    throw discoveryFailed(
      'DiscoveryInvalid',
      { url: where, reason: err instanceof Error ? err.message : String(err) },
      { url: where, reason: 'invalid_document' },
    );
  }
}

const cache = new Map<string, { at: number; metadata: Promise<IssuerMetadata> }>();
const CACHE_MS = 10 * 60_000;

/** Discovery with a 10-minute in-memory cache per URL (failures are not cached). */
export function discoverIssuer(
  discoveryUrl: string,
  options: DiscoveryOptions & { now?: () => number } = {},
): Promise<IssuerMetadata> {
  const now = (options.now ?? Date.now)();
  const hit = cache.get(discoveryUrl);
  if (hit && now - hit.at < CACHE_MS) return hit.metadata;
  const metadata = discoveryRequest(discoveryUrl, options).then((r) => processDiscoveryResponse(discoveryUrl, r));
  cache.set(discoveryUrl, { at: now, metadata });
  metadata.catch(() => cache.delete(discoveryUrl));
  return metadata;
}

/** Forget cached discovery documents (tests, key rotation drills). */
export function clearDiscoveryCache(): void {
  cache.clear();
}
