/**
 * The pure checks of the JWT authorizer: each takes decoded data and returns one outcome per rule, its reason read
 * from messages/jwt.md (loaded once, on first use). No other I/O here; signature and discovery live in `keys.ts` /
 * `inspect.ts`.
 */
import { jwtText as t, quote as json } from './texts.js';
import type { CustomClaimRule, JwtAuthorizerConfig, JwtRuleOutcome } from './types.js';

/** Asymmetric JWS algorithms only: `none` and HMAC (HS*) can be forged by anyone who has the public key. */
export const ALLOWED_JWT_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

const pass = (rule: JwtRuleOutcome['rule'], reason: string, extra: Partial<JwtRuleOutcome> = {}): JwtRuleOutcome => ({
  rule,
  status: 'pass',
  reason,
  ...extra,
});
const fail = (rule: JwtRuleOutcome['rule'], reason: string, extra: Partial<JwtRuleOutcome> = {}): JwtRuleOutcome => ({
  rule,
  status: 'fail',
  reason,
  ...extra,
});
const skip = (rule: JwtRuleOutcome['rule'], reason: string): JwtRuleOutcome => ({ rule, status: 'skipped', reason });

export function checkAlgorithm(header: Readonly<Record<string, unknown>>): JwtRuleOutcome {
  const alg = header.alg;
  if (typeof alg !== 'string') return fail('algorithm', t('alg.Missing'), { expected: ALLOWED_JWT_ALGORITHMS });
  if (alg.toLowerCase() === 'none')
    return fail('algorithm', t('alg.None'), {
      expected: ALLOWED_JWT_ALGORITHMS,
      actual: alg,
    });
  if (/^HS/i.test(alg)) {
    return fail('algorithm', t('alg.Hmac', { alg }), { expected: ALLOWED_JWT_ALGORITHMS, actual: alg });
  }
  if (!ALLOWED_JWT_ALGORITHMS.includes(alg))
    return fail('algorithm', t('alg.Unsupported', { alg }), { expected: ALLOWED_JWT_ALGORITHMS, actual: alg });
  return pass('algorithm', t('alg.Ok', { alg }), { actual: alg });
}

export function checkIssuer(payload: Readonly<Record<string, unknown>>, issuer: string): JwtRuleOutcome {
  const iss = payload.iss;
  if (iss === undefined) return fail('issuer', t('iss.Missing', { issuer }), { expected: issuer });
  if (iss !== issuer) {
    return fail('issuer', t('iss.Other', { iss: json(iss), issuer }), { expected: issuer, actual: iss });
  }
  return pass('issuer', t('iss.Ok'), { actual: iss });
}

/** Largest absolute epoch milliseconds a JavaScript Date can hold (±100 000 000 days, ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/**
 * Seconds since the epoch as an ISO date, for any number: values a Date cannot hold (±1e300, 9e15 s…) are shown
 * as the number itself, so formatting never throws whatever a token claims.
 */
export function formatEpochSeconds(sec: number): string {
  const ms = sec * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return `${sec} s since 1970 (beyond any date)`;
  return new Date(ms).toISOString();
}

const iso = formatEpochSeconds;

/** `exp` (required), `nbf` and `iat` (optional), with `toleranceSec` of allowed clock skew for `exp`/`nbf`. */
export function checkTimes(
  payload: Readonly<Record<string, unknown>>,
  nowSec: number,
  toleranceSec: number,
): JwtRuleOutcome[] {
  const out: JwtRuleOutcome[] = [];
  const { exp, nbf } = payload;
  if (exp === undefined) out.push(fail('exp', t('exp.Missing')));
  else if (typeof exp !== 'number' || !Number.isFinite(exp)) out.push(fail('exp', t('exp.NotNumber'), { actual: exp }));
  else if (nowSec > exp + toleranceSec)
    out.push(
      fail('exp', t('exp.Expired', { exp: iso(exp), now: iso(nowSec), tolerance: toleranceSec }), {
        expected: `>= ${iso(nowSec - toleranceSec)}`,
        actual: iso(exp),
      }),
    );
  else out.push(pass('exp', t('exp.Ok', { exp: iso(exp) }), { actual: iso(exp) }));
  if (nbf === undefined) out.push(skip('nbf', t('nbf.Missing')));
  else if (typeof nbf !== 'number' || !Number.isFinite(nbf)) out.push(fail('nbf', t('nbf.NotNumber'), { actual: nbf }));
  else if (nowSec + toleranceSec < nbf)
    out.push(
      fail('nbf', t('nbf.Early', { nbf: iso(nbf), now: iso(nowSec), tolerance: toleranceSec }), {
        expected: `<= ${iso(nowSec + toleranceSec)}`,
        actual: iso(nbf),
      }),
    );
  else out.push(pass('nbf', t('nbf.Ok', { nbf: iso(nbf) }), { actual: iso(nbf) }));
  const iat = payload.iat;
  if (iat === undefined) out.push(skip('iat', t('iat.Missing')));
  else if (typeof iat !== 'number' || !Number.isFinite(iat)) out.push(fail('iat', t('iat.NotNumber'), { actual: iat }));
  else out.push(pass('iat', t('iat.Ok', { iat: iso(iat) }), { actual: iso(iat) }));
  return out;
}

function checkAudience(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('aud', t('aud.NotConfigured'));
  const aud = payload.aud;
  if (aud === undefined) {
    return fail('aud', t('aud.Missing'), { expected: allowed });
  }
  const values =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (values.some((a) => allowed.includes(a))) return pass('aud', t('aud.Ok'), { expected: allowed, actual: aud });
  return fail('aud', t('aud.Other', { aud: json(aud) }), { expected: allowed, actual: aud });
}

function checkClient(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('client_id', t('client.NotConfigured'));
  const clientId = payload.client_id;
  if (clientId === undefined) {
    const reason =
      typeof payload.azp === 'string' ? t('client.MissingWithAzp', { azp: json(payload.azp) }) : t('client.Missing');
    return fail('client_id', reason, { expected: allowed });
  }
  if (typeof clientId === 'string' && allowed.includes(clientId))
    return pass('client_id', t('client.Ok'), { expected: allowed, actual: clientId });
  return fail('client_id', t('client.Other', { clientId: json(clientId) }), {
    expected: allowed,
    actual: clientId,
  });
}

function checkScope(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('scope', t('scope.NotConfigured'));
  const scope = payload.scope;
  if (scope === undefined)
    return fail('scope', t('scope.Missing'), {
      expected: allowed,
    });
  if (typeof scope !== 'string') return fail('scope', t('scope.NotString'), { expected: allowed, actual: scope });
  const granted = scope.split(' ').filter(Boolean);
  if (granted.some((s) => allowed.includes(s)))
    return pass('scope', t('scope.Ok'), { expected: allowed, actual: granted });
  return fail('scope', t('scope.Other', { granted: granted.join(' ') || t('scope.none') }), {
    expected: allowed,
    actual: granted,
  });
}

const describeType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

export function checkCustomClaim(payload: Readonly<Record<string, unknown>>, rule: CustomClaimRule): JwtRuleOutcome {
  const name = rule.inboundTokenClaimName;
  const id = `claim:${name}` as const;
  const { claimMatchOperator: op, claimMatchValue: match } = rule.authorizingClaimMatchValue;
  const value = payload[name];
  const expected = match.matchValueStringList ?? match.matchValueString;
  if (value === undefined) return fail(id, t('claim.Missing', { name }), { expected: { [op]: expected } });
  if (rule.inboundTokenClaimValueType === 'STRING') {
    if (typeof value !== 'string')
      return fail(id, t('claim.NotString', { name, type: describeType(value) }), {
        expected: { [op]: expected },
        actual: value,
      });
    if (op === 'EQUALS' && match.matchValueString !== undefined) {
      return value === match.matchValueString
        ? pass(id, t('claim.Equals', { name }), {
            expected: { EQUALS: match.matchValueString },
            actual: value,
          })
        : fail(id, t('claim.NotEqual', { name, value: json(value), expected: json(match.matchValueString) }), {
            expected: { EQUALS: match.matchValueString },
            actual: value,
          });
    }
    return fail(id, t('claim.BadStringRule', { name }), {
      expected: { [op]: expected },
    });
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return fail(
      id,
      t(Array.isArray(value) ? 'claim.NotStringArrayItems' : 'claim.NotStringArray', {
        name,
        type: describeType(value),
      }),
      { expected: { [op]: expected }, actual: value },
    );
  }
  const items = value as string[];
  if (op === 'CONTAINS' && match.matchValueString !== undefined) {
    const v = match.matchValueString;
    return items.includes(v)
      ? pass(id, t('claim.Contains', { name, value: json(v) }), { expected: { CONTAINS: v }, actual: items })
      : fail(id, t('claim.NotContains', { name, value: json(v) }), { expected: { CONTAINS: v }, actual: items });
  }
  if (op === 'CONTAINS_ANY' && match.matchValueStringList !== undefined) {
    const list = match.matchValueStringList;
    return items.some((i) => list.includes(i))
      ? pass(id, t('claim.ContainsAny', { name }), {
          expected: { CONTAINS_ANY: list },
          actual: items,
        })
      : fail(id, t('claim.ContainsNone', { name, list: json(list) }), {
          expected: { CONTAINS_ANY: list },
          actual: items,
        });
  }
  return fail(id, t('claim.BadArrayRule', { name }), { expected: { [op]: expected } });
}

/** The configured constraints, in order: audience, clients, scopes, then each custom claim. Unconfigured ones are skipped. */
export function checkConstraints(
  payload: Readonly<Record<string, unknown>>,
  config: JwtAuthorizerConfig,
): JwtRuleOutcome[] {
  return [
    checkAudience(payload, config.allowedAudience),
    checkClient(payload, config.allowedClients),
    checkScope(payload, config.allowedScopes),
    ...(config.customClaims ?? []).map((rule) => checkCustomClaim(payload, rule)),
  ];
}
