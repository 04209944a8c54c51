/**
 * OIDC discovery: `discoveryRequest()` does the I/O, `processDiscoveryResponse()` checks status, content type and
 * required fields and throws coded errors. `discoverIssuer()` combines both with an in-memory cache per URL.
 */
import type { Dispatcher } from 'undici';
import { AuthError } from '../errors.js';

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
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The parts of a fetch response discovery processing reads (undici's and the global Response both fit). */
export interface DiscoveryResponse {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}

export async function discoveryRequest(
  discoveryUrl: string,
  options: DiscoveryOptions = {},
): Promise<DiscoveryResponse> {
  const signal = options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    // undici is loaded on first use only: most commands never discover anything (cold start).
    const { fetch } = await import('undici');
    return await fetch(discoveryUrl, {
      headers: { accept: 'application/json' },
      signal,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
  } catch (err) {
    throw new AuthError(
      'ERR_DISCOVERY',
      `Could not reach the OIDC discovery URL ${discoveryUrl}: ${(err as Error).message}`,
      {
        actions: ['Check that the discovery URL is right and reachable from this machine.'],
        details: { url: discoveryUrl },
        cause: err,
      },
    );
  }
}

export async function processDiscoveryResponse(
  discoveryUrl: string,
  response: DiscoveryResponse,
): Promise<IssuerMetadata> {
  if (!response.ok) {
    throw new AuthError(
      'ERR_DISCOVERY',
      `OIDC discovery failed: ${response.status} ${response.statusText} (${discoveryUrl})`,
      {
        actions: [
          'Check the discovery URL: it must end with /.well-known/openid-configuration and be served by your identity provider.',
        ],
        details: { url: discoveryUrl, status: response.status },
      },
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new AuthError('ERR_DISCOVERY', `OIDC discovery at ${discoveryUrl} did not return JSON.`, {
      actions: ['Check that the URL points at the OpenID configuration document.'],
      details: { url: discoveryUrl },
    });
  }
  if (typeof body !== 'object' || body === null || typeof (body as { issuer?: unknown }).issuer !== 'string') {
    throw new AuthError('ERR_DISCOVERY', `OIDC discovery at ${discoveryUrl} has no issuer.`, {
      actions: ['Check that the URL points at the OpenID configuration document.'],
      details: { url: discoveryUrl },
    });
  }
  return body as IssuerMetadata;
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
