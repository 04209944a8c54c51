/**
 * Pure decoding of a compact JWS (no signature check): enough to read the header and claims for the rules.
 * Stricter than a plain split-and-parse: the segments must be base64url of UTF-8 JSON objects without duplicate
 * member names, and the header must not ask for a JWS extension this verifier does not implement.
 */
import { findDuplicateMember } from './json-duplicates.js';
import { jwtText as t, quote } from './texts.js';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export type DecodeJwtResult = { ok: true; jwt: DecodedJwt } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeSegment(segment: string, what: string): Record<string, unknown> | string {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return t('decode.NotBase64url', { what });
  let text: string;
  try {
    text = utf8.decode(Buffer.from(segment, 'base64url'));
  } catch {
    return t('decode.NotUtf8', { what });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return t('decode.NotJson', { what });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return t('decode.NotObject', { what });
  // JSON.parse keeps the last of duplicate names; RFC 7515 §5.2 and RFC 7519 §4 say to reject such a token.
  const duplicate = findDuplicateMember(text);
  if (duplicate !== undefined) return t('decode.DuplicateMember', { what, name: quote(duplicate) });
  return value as Record<string, unknown>;
}

/**
 * Header parameters that change how a JWS is verified or decoded and that this verifier does not implement:
 * `crit` (RFC 7515 §4.1.11: a recipient must reject extensions it does not understand), `b64: false`
 * (RFC 7797, unencoded payload), and the JWE-only `zip` and `enc` (RFC 7516 §4.1.2–4.1.3).
 */
function checkHeaderParameters(header: Readonly<Record<string, unknown>>): string | undefined {
  if (header.crit !== undefined) return t('decode.Crit', { crit: quote(header.crit) });
  if (header.b64 !== undefined && header.b64 !== true) return t('decode.B64');
  if (header.zip !== undefined) return t('decode.Zip');
  if (header.enc !== undefined) return t('decode.Enc');
  return undefined;
}

/** Split and decode `header.payload.signature`. Encrypted (5-part) tokens and garbage are rejected with a reason. */
export function decodeJwt(token: string): DecodeJwtResult {
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, reason: t('decode.Jwe') };
  if (parts.length !== 3) return { ok: false, reason: t('decode.Parts', { count: parts.length }) };
  const [h = '', p = '', sig = ''] = parts;
  const header = decodeSegment(h, 'header');
  if (typeof header === 'string') return { ok: false, reason: header };
  const unsupported = checkHeaderParameters(header);
  if (unsupported !== undefined) return { ok: false, reason: unsupported };
  const payload = decodeSegment(p, 'payload');
  if (typeof payload === 'string') return { ok: false, reason: payload };
  if (!/^[A-Za-z0-9_-]*$/.test(sig)) return { ok: false, reason: t('decode.SignatureNotBase64url') };
  return { ok: true, jwt: { header, payload } };
}

/**
 * The bearer token of an `Authorization` header value, or a reason it is missing or malformed. The scheme is
 * case-insensitive (RFC 7235 §2.1); several Authorization headers are ambiguous and refused.
 */
export function extractBearerToken(
  value: string | readonly string[] | undefined,
): { ok: true; token: string } | { ok: false; reason: string } {
  if (Array.isArray(value) && value.length > 1) return { ok: false, reason: t('bearer.Several') };
  const header: unknown = Array.isArray(value) ? value[0] : value;
  if (header === undefined || header === '') return { ok: false, reason: t('bearer.Missing') };
  const m = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  if (!m || !m[1]) return { ok: false, reason: t('bearer.Malformed') };
  return { ok: true, token: m[1] };
}
