/**
 * Signature verification against the issuer's JWKS. One jose remote key set per `jwks_uri` (and cooldown), kept for
 * the life of the process: one JWKS fetch serves many verifications, and a token with an unknown `kid` triggers at
 * most one refetch per cooldown (jose's behaviour). jose is imported lazily: this module sits on CLI paths.
 */
import type { CompactVerifyGetKey as GetKey } from 'jose';
import { displayUrl, idpFetch } from '../oidc/http.js';
import { ALLOWED_JWT_ALGORITHMS } from './rules.js';
import type { JwtRuleOutcome } from './types.js';
import { idpMessages } from '../idp-messages.js';
import { jwtText as t, quote } from './texts.js';

const keySets = new Map<string, GetKey>();

export interface VerifySignatureOptions {
  jwksCooldownMs?: number;
  timeoutMs?: number;
}

async function keySetFor(jwksUri: string, options: VerifySignatureOptions): Promise<GetKey> {
  const cooldown = options.jwksCooldownMs ?? 30_000;
  const cacheKey = `${cooldown}|${options.timeoutMs ?? 5000}|${jwksUri}`;
  const hit = keySets.get(cacheKey);
  if (hit) return hit;
  const { createRemoteJWKSet, customFetch } = await import('jose');
  // The JWKS is fetched like every identity-provider document: https or loopback, same-origin redirects, 1 MiB.
  const fetchKeys = idpFetch({ code: 'ERR_JWKS', what: idpMessages().get('what.JwkSet'), followRedirects: true });
  const set = createRemoteJWKSet(new URL(jwksUri), {
    cooldownDuration: cooldown,
    timeoutDuration: options.timeoutMs ?? 5000,
    [customFetch]: fetchKeys,
  });
  keySets.set(cacheKey, set);
  return set;
}

/** Forget every cached key set (tests; a long-running emulator that must forget rotated-out keys). */
export function clearJwksCache(): void {
  keySets.clear();
}

function describeFailure(err: unknown, jwksUri: string, kid: unknown): { reason: string; actual?: unknown } {
  const code = (err as { code?: unknown }).code;
  const kidText = typeof kid === 'string' ? t('keys.Kid', { kid: quote(kid) }) : t('keys.NoKid');
  switch (code) {
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return {
        reason: t('keys.NoMatchingKey', { jwksUri, kid: kidText }),
        actual: kid,
      };
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return {
        reason: t('keys.BadSignature', { kid: kidText }),
        actual: kid,
      };
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return {
        reason: t('keys.SeveralKeys', { kid: kidText }),
        actual: kid,
      };
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return { reason: t('keys.AlgorithmNotAllowed') };
    case 'ERR_JWKS_TIMEOUT':
      return { reason: t('keys.Timeout', { jwksUri }) };
    case 'ERR_JWKS_INVALID':
      return { reason: t('keys.Invalid', { jwksUri }) };
    default:
      return { reason: t('keys.Failed', { jwksUri, reason: (err as Error).message }) };
  }
}

/** Verify the token's signature with the key set published at `jwksUri` (asymmetric algorithms only). */
export async function verifySignature(
  token: string,
  jwksUri: string,
  kid: unknown,
  options: VerifySignatureOptions = {},
): Promise<JwtRuleOutcome> {
  try {
    const getKey = await keySetFor(jwksUri, options);
    const { compactVerify } = await import('jose');
    await compactVerify(token, getKey, { algorithms: [...ALLOWED_JWT_ALGORITHMS] });
    return {
      rule: 'signature',
      status: 'pass',
      reason: `signed by the issuer's key ${typeof kid === 'string' ? JSON.stringify(kid) : ''}`.trim(),
      actual: kid,
    };
  } catch (err) {
    return { rule: 'signature', status: 'fail', ...describeFailure(err, displayUrl(jwksUri), kid) };
  }
}
