/**
 * The one way this package talks to an identity provider (discovery document, JWKS, token endpoint): every URL
 * actually fetched — redirects included — must be https, or http on a loopback address; redirects are followed
 * only within the same origin; and a response body is read up to a size cap, within the caller's timeout signal.
 */
import type { Dispatcher } from 'undici';
import { AuthError, type AuthErrorCode } from '../errors.js';
import { idpMessages } from '../idp-messages.js';

/** Largest identity-provider response read (discovery document, JWK set, token response): 1 MiB. */
export const MAX_IDP_RESPONSE_BYTES = 1024 * 1024;
/** Same-origin redirects followed before giving up. */
export const MAX_IDP_REDIRECTS = 5;

/**
 * Whether `host` (a URL's hostname, or a bare host) is a loopback address. Decided on the parsed address, so every
 * spelling of 127.0.0.1 counts (`127.1`, `2130706433`, `0x7f.1`), as does all of 127.0.0.0/8, `::1`, the IPv4-mapped
 * `::ffff:127.x.y.z` and the name `localhost` (any case, RFC 6761 §6.3); `localhost.example.com` does not.
 */
export function isLoopbackHost(host: string): boolean {
  let hostname: string;
  try {
    const bare = host.replace(/^\[|\]$/g, '');
    hostname = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname === 'localhost.') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)) return true;
  return hostname === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname);
}

/** Whether `url` points at a loopback address (see {@link isLoopbackHost}); `false` for anything unparsable. */
export function isLoopbackUrl(url: string | URL): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** https anywhere, plain http only on loopback (local issuers). */
export function isAllowedIdpUrl(url: string | URL): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
  } catch {
    return false;
  }
}

/** Origin and path of a URL for messages: never its user info or query. */
export function displayUrl(url: string | URL): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Whether a fetch failed because its signal fired (a timeout covers the response body as well). */
export function isTimeout(err: unknown): boolean {
  const names = ['TimeoutError', 'AbortError'];
  const e = err as { name?: unknown; cause?: { name?: unknown } } | undefined;
  return names.includes(String(e?.name)) || names.includes(String(e?.cause?.name));
}

export interface IdpFetchOptions {
  /** The error code thrown for a refused URL, a refused redirect or an oversized body. */
  code: AuthErrorCode;
  /** What is being fetched, for messages ("the OIDC discovery document"). */
  what: string;
  dispatcher?: Dispatcher;
  /** Follow same-origin redirects (default false: a 3xx is returned as is). */
  followRedirects?: boolean;
  maxBytes?: number;
}

export type IdpFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The error `options.code` with the message and actions of `error.<key>` in messages/idp.md. */
function refused(
  options: IdpFetchOptions,
  key: string,
  values: Readonly<Record<string, string | number>>,
  details: Record<string, unknown>,
) {
  const all = { what: options.what, ...values };
  return new AuthError(options.code, idpMessages().get(`error.${key}`, all), {
    actions: idpMessages().list(`error.${key}.actions`, all),
    details,
  });
}

/** Throws unless `url` may be fetched (https, or http on loopback). */
export function assertIdpUrl(url: string | URL, options: IdpFetchOptions): URL {
  const u = new URL(url);
  if (!isAllowedIdpUrl(u)) {
    throw refused(options, 'IdpInsecure', { url: displayUrl(u) }, { url: displayUrl(u), reason: 'insecure_url' });
  }
  return u;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/** What is read of a fetch response (Node's and undici's both fit). */
interface RawResponse {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null; forEach(fn: (value: string, name: string) => void): void };
  body: (AsyncIterable<Uint8Array> & { cancel(): Promise<void> }) | null;
}

type RawFetch = (url: string, init: RequestInit) => Promise<RawResponse>;

/** The whole body of `res`, or a coded error as soon as it passes `maxBytes` (the rest is never read). */
async function readCapped(res: RawResponse, url: URL, options: IdpFetchOptions): Promise<Uint8Array> {
  const max = options.maxBytes ?? MAX_IDP_RESPONSE_BYTES;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () =>
    refused(
      options,
      'IdpTooLarge',
      { url: displayUrl(url), max },
      { url: displayUrl(url), reason: 'body_too_large', limitBytes: max },
    );
  if (!res.body) return new Uint8Array();
  if (declared > max) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early (throw) cancels the stream: the rest of an oversized body is never read.
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A fetch for oauth4webapi and jose (`customFetch`) that applies the URL rule to every request, follows only
 * same-origin redirects when asked, and hands back a Response whose body was read within the cap. The caller's
 * `init.signal` (its timeout) covers headers and body alike.
 */
export function idpFetch(options: IdpFetchOptions): IdpFetch {
  return async (input, init = {}) => {
    // undici is loaded only when a dispatcher is given (tests); Node's fetch otherwise.
    const dispatcher = options.dispatcher;
    const base: RawFetch = dispatcher
      ? async (url, i) => (await import('undici')).fetch(url, { ...(i as object), dispatcher })
      : fetch;
    let url = assertIdpUrl(input, options);
    for (let hop = 0; ; hop++) {
      const res = await base(url.href, { ...init, redirect: 'manual' });
      const location = res.headers.get('location');
      if (options.followRedirects && res.status >= 300 && res.status < 400 && location !== null) {
        await res.body?.cancel().catch(() => undefined);
        const next = new URL(location, url);
        if (next.origin !== url.origin)
          throw refused(
            options,
            'CrossOriginRedirect',
            { url: displayUrl(url), origin: next.origin },
            { url: displayUrl(url), reason: 'cross_origin_redirect', location: displayUrl(next) },
          );
        if (hop >= MAX_IDP_REDIRECTS)
          throw refused(
            options,
            'TooManyRedirects',
            { url: displayUrl(url), max: MAX_IDP_REDIRECTS },
            { url: displayUrl(url), reason: 'too_many_redirects' },
          );
        url = assertIdpUrl(next, options);
        continue;
      }
      const body = NULL_BODY_STATUS.has(res.status) ? null : await readCapped(res, url, options);
      const headers = new Headers();
      res.headers.forEach((value, name) => headers.append(name, value));
      return new Response(body, { status: res.status, statusText: res.statusText, headers });
    }
  };
}
