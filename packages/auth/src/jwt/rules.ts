/**
 * The pure checks of the JWT authorizer: each takes decoded data and returns one outcome per rule.
 * No I/O here; signature and discovery live in `keys.ts` / `inspect.ts`.
 */
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
  if (typeof alg !== 'string')
    return fail('algorithm', 'the token header has no alg', { expected: ALLOWED_JWT_ALGORITHMS });
  if (alg.toLowerCase() === 'none')
    return fail('algorithm', 'alg "none" (an unsigned token) is never accepted', {
      expected: ALLOWED_JWT_ALGORITHMS,
      actual: alg,
    });
  if (/^HS/i.test(alg)) {
    return fail(
      'algorithm',
      `alg ${alg} is a shared-secret (HMAC) algorithm; only tokens signed with the issuer's published asymmetric keys are accepted`,
      { expected: ALLOWED_JWT_ALGORITHMS, actual: alg },
    );
  }
  if (!ALLOWED_JWT_ALGORITHMS.includes(alg))
    return fail('algorithm', `alg ${alg} is not supported`, { expected: ALLOWED_JWT_ALGORITHMS, actual: alg });
  return pass('algorithm', `alg ${alg} is an asymmetric signature algorithm`, { actual: alg });
}

export function checkIssuer(payload: Readonly<Record<string, unknown>>, issuer: string): JwtRuleOutcome {
  const iss = payload.iss;
  if (iss === undefined)
    return fail(
      'issuer',
      `the token has no iss claim; expected ${issuer} (the issuer named by the discovery document)`,
      { expected: issuer },
    );
  if (iss !== issuer) {
    return fail(
      'issuer',
      `iss ${JSON.stringify(iss)} is not the issuer of the discovery document (${issuer}); the token comes from another issuer or tenant`,
      { expected: issuer, actual: iss },
    );
  }
  return pass('issuer', `iss matches the discovery document's issuer`, { actual: iss });
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
  if (exp === undefined) out.push(fail('exp', 'the token has no exp claim; access tokens must expire'));
  else if (typeof exp !== 'number' || !Number.isFinite(exp))
    out.push(fail('exp', 'exp is not a number of seconds', { actual: exp }));
  else if (nowSec > exp + toleranceSec)
    out.push(
      fail(
        'exp',
        `the token expired at ${iso(exp)} (now ${iso(nowSec)}, ${toleranceSec}s tolerance); get a new token`,
        { expected: `>= ${iso(nowSec - toleranceSec)}`, actual: iso(exp) },
      ),
    );
  else out.push(pass('exp', `valid until ${iso(exp)}`, { actual: iso(exp) }));
  if (nbf === undefined) out.push(skip('nbf', 'the token has no nbf claim'));
  else if (typeof nbf !== 'number' || !Number.isFinite(nbf))
    out.push(fail('nbf', 'nbf is not a number of seconds', { actual: nbf }));
  else if (nowSec + toleranceSec < nbf)
    out.push(
      fail(
        'nbf',
        `the token is not valid before ${iso(nbf)} (now ${iso(nowSec)}, ${toleranceSec}s tolerance); check the clocks`,
        { expected: `<= ${iso(nowSec + toleranceSec)}`, actual: iso(nbf) },
      ),
    );
  else out.push(pass('nbf', `valid since ${iso(nbf)}`, { actual: iso(nbf) }));
  const iat = payload.iat;
  if (iat === undefined) out.push(skip('iat', 'the token has no iat claim'));
  else if (typeof iat !== 'number' || !Number.isFinite(iat))
    out.push(fail('iat', 'iat is not a number of seconds', { actual: iat }));
  else out.push(pass('iat', `issued at ${iso(iat)}`, { actual: iso(iat) }));
  return out;
}

function checkAudience(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('aud', 'allowedAudience is not configured');
  const aud = payload.aud;
  if (aud === undefined) {
    return fail(
      'aud',
      'aud is absent from the token — Cognito client_credentials access tokens carry no aud; check client_id with allowedClients (--allowed-clients) instead',
      { expected: allowed },
    );
  }
  const values =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (values.some((a) => allowed.includes(a)))
    return pass('aud', 'aud contains an allowed audience', { expected: allowed, actual: aud });
  return fail(
    'aud',
    `aud ${JSON.stringify(aud)} contains none of the allowed audiences; request the token for one of them (e.g. with a resource/audience parameter)`,
    { expected: allowed, actual: aud },
  );
}

function checkClient(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('client_id', 'allowedClients is not configured');
  const clientId = payload.client_id;
  if (clientId === undefined) {
    const hint =
      typeof payload.azp === 'string'
        ? ` (it has azp ${JSON.stringify(payload.azp)}; AgentCore checks client_id only — use allowedAudience or a custom claim on azp)`
        : '';
    return fail('client_id', `client_id is absent from the token${hint}`, { expected: allowed });
  }
  if (typeof clientId === 'string' && allowed.includes(clientId))
    return pass('client_id', 'client_id is an allowed client', { expected: allowed, actual: clientId });
  return fail('client_id', `client_id ${JSON.stringify(clientId)} is not one of the allowed clients`, {
    expected: allowed,
    actual: clientId,
  });
}

function checkScope(
  payload: Readonly<Record<string, unknown>>,
  allowed: readonly string[] | undefined,
): JwtRuleOutcome {
  if (!allowed?.length) return skip('scope', 'allowedScopes is not configured');
  const scope = payload.scope;
  if (scope === undefined)
    return fail('scope', 'scope is absent from the token; request at least one of the allowed scopes', {
      expected: allowed,
    });
  if (typeof scope !== 'string')
    return fail('scope', 'scope is not a space-separated string', { expected: allowed, actual: scope });
  const granted = scope.split(' ').filter(Boolean);
  if (granted.some((s) => allowed.includes(s)))
    return pass('scope', 'scope contains an allowed scope', { expected: allowed, actual: granted });
  return fail(
    'scope',
    `none of the token's scopes (${granted.join(' ') || 'none'}) is allowed; at least one of the allowed scopes is required`,
    { expected: allowed, actual: granted },
  );
}

const describeType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

export function checkCustomClaim(payload: Readonly<Record<string, unknown>>, rule: CustomClaimRule): JwtRuleOutcome {
  const name = rule.inboundTokenClaimName;
  const id = `claim:${name}` as const;
  const { claimMatchOperator: op, claimMatchValue: match } = rule.authorizingClaimMatchValue;
  const value = payload[name];
  const expected = match.matchValueStringList ?? match.matchValueString;
  if (value === undefined) return fail(id, `claim ${name} is absent from the token`, { expected: { [op]: expected } });
  if (rule.inboundTokenClaimValueType === 'STRING') {
    if (typeof value !== 'string')
      return fail(id, `claim ${name} is ${describeType(value)}, but the rule expects a STRING`, {
        expected: { [op]: expected },
        actual: value,
      });
    if (op === 'EQUALS' && match.matchValueString !== undefined) {
      return value === match.matchValueString
        ? pass(id, `claim ${name} equals the required value`, {
            expected: { EQUALS: match.matchValueString },
            actual: value,
          })
        : fail(id, `claim ${name} is ${JSON.stringify(value)}, not ${JSON.stringify(match.matchValueString)}`, {
            expected: { EQUALS: match.matchValueString },
            actual: value,
          });
    }
    return fail(id, `invalid rule for claim ${name}: STRING claims take EQUALS with matchValueString`, {
      expected: { [op]: expected },
    });
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return fail(
      id,
      `claim ${name} is ${describeType(value)}${Array.isArray(value) ? ' with non-string items' : ''}, but the rule expects a STRING_ARRAY`,
      { expected: { [op]: expected }, actual: value },
    );
  }
  const items = value as string[];
  if (op === 'CONTAINS' && match.matchValueString !== undefined) {
    const v = match.matchValueString;
    return items.includes(v)
      ? pass(id, `claim ${name} contains ${JSON.stringify(v)}`, { expected: { CONTAINS: v }, actual: items })
      : fail(id, `claim ${name} does not contain ${JSON.stringify(v)}`, { expected: { CONTAINS: v }, actual: items });
  }
  if (op === 'CONTAINS_ANY' && match.matchValueStringList !== undefined) {
    const list = match.matchValueStringList;
    return items.some((i) => list.includes(i))
      ? pass(id, `claim ${name} contains one of the required values`, {
          expected: { CONTAINS_ANY: list },
          actual: items,
        })
      : fail(id, `claim ${name} contains none of ${JSON.stringify(list)}`, {
          expected: { CONTAINS_ANY: list },
          actual: items,
        });
  }
  return fail(
    id,
    `invalid rule for claim ${name}: STRING_ARRAY claims take CONTAINS with matchValueString or CONTAINS_ANY with matchValueStringList`,
    { expected: { [op]: expected } },
  );
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
