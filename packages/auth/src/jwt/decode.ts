/** Pure decoding of a compact JWS (no signature check): enough to read the header and claims for the rules. */

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export type DecodeJwtResult = { ok: true; jwt: DecodedJwt } | { ok: false; reason: string };

function decodeSegment(segment: string, what: string): Record<string, unknown> | string {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return `the ${what} is not base64url`;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return `the ${what} is not JSON`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `the ${what} is not a JSON object`;
  return value as Record<string, unknown>;
}

/** Split and decode `header.payload.signature`. Encrypted (5-part) tokens and garbage are rejected with a reason. */
export function decodeJwt(token: string): DecodeJwtResult {
  const parts = token.split('.');
  if (parts.length === 5)
    return { ok: false, reason: 'the token is an encrypted JWE; AgentCore expects a signed JWT (JWS) access token' };
  if (parts.length !== 3)
    return {
      ok: false,
      reason: `the token has ${parts.length} dot-separated parts; a JWT has 3 (header.payload.signature)`,
    };
  const [h = '', p = ''] = parts;
  const header = decodeSegment(h, 'header');
  if (typeof header === 'string') return { ok: false, reason: header };
  const payload = decodeSegment(p, 'payload');
  if (typeof payload === 'string') return { ok: false, reason: payload };
  return { ok: true, jwt: { header, payload } };
}

/** The bearer token of an `Authorization` header value, or a reason it is missing or malformed. */
export function extractBearerToken(
  value: string | readonly string[] | undefined,
): { ok: true; token: string } | { ok: false; reason: string } {
  const header = Array.isArray(value) ? value[0] : (value as string | undefined);
  if (header === undefined || header === '')
    return { ok: false, reason: 'no Authorization header: send `Authorization: Bearer <access token>`' };
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  if (!m || !m[1]) return { ok: false, reason: 'the Authorization header is not of the form `Bearer <access token>`' };
  return { ok: true, token: m[1] };
}
