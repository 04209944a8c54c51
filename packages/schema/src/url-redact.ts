/**
 * URL redaction, pure: what every error and log line that can contain a URL goes through, so credentials inside a
 * URL (user info, secret-looking query parameters) are never echoed. The rest of the URL is kept as written, so a
 * message still says which host and path it is about.
 */

/** Shown instead of a redacted part. */
export const REDACTED = '***';

/** Query parameter names (lower case, `-` read as `_`) whose values are secrets. */
const SECRET_PARAMS: ReadonlySet<string> = new Set([
  'api_key',
  'apikey',
  'key',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'sig',
  'signature',
  'x_amz_signature',
  'x_amz_security_token',
  'x_amz_credential',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
]);

/** Parts of a name that make a parameter secret wherever they appear (`my_api_key`, `sessionToken`). */
const SECRET_PARTS = ['token', 'secret', 'password', 'signature', 'api_key', 'apikey'];

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** True when a query parameter with this (raw, possibly percent-encoded) name carries a secret. */
export function isSecretParamName(raw: string): boolean {
  const name = decodeName(raw).toLowerCase().replace(/-/g, '_');
  return SECRET_PARAMS.has(name) || SECRET_PARTS.some((p) => name.includes(p));
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** The user info of a URL written `scheme://userinfo@host…`, or undefined (works on unparseable text too). */
function userInfoSpan(url: string): { start: number; end: number } | undefined {
  const scheme = SCHEME.exec(url);
  if (!scheme) return undefined;
  const start = scheme[0].length;
  const rest = url.slice(start);
  const stop = rest.search(/[/?#]/);
  const authority = stop < 0 ? rest : rest.slice(0, stop);
  const at = authority.lastIndexOf('@');
  return at < 0 ? undefined : { start, end: start + at };
}

/** True when the URL carries user info (`http://user:pass@host/…`, or just `http://user@host/…`). */
export function urlHasUserInfo(url: string): boolean {
  return userInfoSpan(url) !== undefined;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      return isSecretParamName(pair.slice(0, eq)) ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
    })
    .join('&');
}

/**
 * `url` with its user info replaced by `***` and the values of secret-looking query parameters (`api_key`, `key`,
 * `token`, `secret`, `password`, `sig`, `signature`, `X-Amz-Signature`, …, case-insensitive) replaced by `***`.
 * Everything else is kept exactly as written; text that is not a URL is returned unchanged apart from those parts.
 */
export function redactUrl(url: string): string {
  let out = url;
  const info = userInfoSpan(out);
  if (info) out = `${out.slice(0, info.start)}${REDACTED}${out.slice(info.end)}`;
  const q = out.indexOf('?');
  if (q < 0) return out;
  const hash = out.indexOf('#', q);
  const query = hash < 0 ? out.slice(q + 1) : out.slice(q + 1, hash);
  return `${out.slice(0, q + 1)}${redactQuery(query)}${hash < 0 ? '' : out.slice(hash)}`;
}

/** URLs inside free text: a scheme, `://`, then anything up to whitespace, a quote or an angle bracket. */
const URL_IN_TEXT = /[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s"'<>`]+/g;

/** `text` with every URL in it passed through {@link redactUrl} (for error messages and log lines). */
export function redactUrlsInText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}
