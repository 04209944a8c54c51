/**
 * The JWT authorizer as AWS applies it to a runtime or gateway with CUSTOM_JWT:
 * decode → asymmetric algorithm → discovery → signature (JWKS) → issuer → exp/nbf → audience, clients, scopes,
 * custom claims. `inspectJwt` reports every rule (for `token inspect` and the local emulators' logs);
 * `authorizeJwt` returns only the decision. Authenticity failures are 401, constraint failures on an authentic token 403.
 */
import type { InboundRequest, Principal, VerifyResult } from '../contract.js';
import { discoverIssuer, type IssuerMetadata } from '../oidc/discovery.js';
import { displayUrl } from '../oidc/http.js';
import { decodeJwt, extractBearerToken } from './decode.js';
import { verifySignature } from './keys.js';
import { checkAlgorithm, checkConstraints, checkIssuer, checkTimes } from './rules.js';
import {
  DEFAULT_CLOCK_TOLERANCE_SEC,
  type AuthorizeJwtOptions,
  type JwtAuthorizerConfig,
  type JwtInspection,
  type JwtRuleName,
  type JwtRuleOutcome,
} from './types.js';
import { jwtText as t } from './texts.js';

const AUTHENTICITY_RULES: ReadonlySet<JwtRuleName> = new Set([
  'token',
  'algorithm',
  'discovery',
  'signature',
  'issuer',
  'exp',
  'nbf',
  'iat',
]);

/** HTTP status AWS answers with when `rule` fails: 401 for an unauthenticated token, 403 for a valid one that is not allowed. */
export function statusForRule(rule: JwtRuleName): 401 | 403 {
  return AUTHENTICITY_RULES.has(rule) ? 401 : 403;
}

function principalOf(payload: Readonly<Record<string, unknown>>): Principal {
  const { sub, client_id: clientId, scope } = payload;
  return {
    ...(typeof sub === 'string' ? { subject: sub } : {}),
    ...(typeof clientId === 'string' ? { clientId } : {}),
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    claims: payload,
  };
}

/** The decision for a list of outcomes: the first failure, else the principal. */
export function decideJwt(
  rules: readonly JwtRuleOutcome[],
  payload: Readonly<Record<string, unknown>> | undefined,
): VerifyResult {
  const failed = rules.find((r) => r.status === 'fail');
  if (failed) {
    return {
      ok: false,
      status: statusForRule(failed.rule),
      rule: failed.rule,
      reason: failed.reason,
      ...(failed.expected !== undefined ? { expected: failed.expected } : {}),
      ...(failed.actual !== undefined ? { actual: failed.actual } : {}),
    };
  }
  return { ok: true, principal: principalOf(payload ?? {}) };
}

async function checkWithIssuer(
  token: string,
  header: Readonly<Record<string, unknown>>,
  payload: Readonly<Record<string, unknown>>,
  algorithmOk: boolean,
  config: JwtAuthorizerConfig,
  options: AuthorizeJwtOptions,
): Promise<JwtRuleOutcome[]> {
  let metadata: IssuerMetadata;
  try {
    metadata = await discoverIssuer(config.discoveryUrl, {
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: options.timeoutMs ?? 5000,
    });
  } catch (err) {
    return [
      {
        rule: 'discovery',
        status: 'fail',
        reason: t('discovery.Failed', { url: displayUrl(config.discoveryUrl), reason: describeError(err) }),
        expected: displayUrl(config.discoveryUrl),
      },
      { rule: 'signature', status: 'skipped', reason: t('discovery.NoKeys') },
      { rule: 'issuer', status: 'skipped', reason: t('discovery.NoIssuer') },
    ];
  }
  const discovery: JwtRuleOutcome = {
    rule: 'discovery',
    status: 'pass',
    reason: t('discovery.Ok', { issuer: metadata.issuer, jwksUri: metadata.jwks_uri ?? t('discovery.none') }),
    actual: { issuer: metadata.issuer, jwks_uri: metadata.jwks_uri },
  };
  let signature: JwtRuleOutcome;
  if (!algorithmOk) signature = { rule: 'signature', status: 'skipped', reason: t('signature.AlgorithmNotAllowed') };
  else if (!metadata.jwks_uri)
    signature = {
      rule: 'signature',
      status: 'fail',
      reason: t('signature.NoJwksUri', { url: displayUrl(config.discoveryUrl) }),
    };
  else signature = await verifySignature(token, metadata.jwks_uri, header.kid, options);
  const issuer: JwtRuleOutcome =
    signature.status === 'pass'
      ? checkIssuer(payload, metadata.issuer)
      : { rule: 'issuer', status: 'skipped', reason: t('issuer.NotVerified') };
  return [discovery, signature, issuer];
}

const TIME_RULES = ['exp', 'nbf', 'iat'] as const;

/** The claim rules, reported as skipped: claims of a token that is not authentic are never evaluated. */
function notAuthentic(config: JwtAuthorizerConfig): JwtRuleOutcome[] {
  const reason = t('claims.NotAuthentic');
  return [
    ...TIME_RULES.map((rule): JwtRuleOutcome => ({ rule, status: 'skipped', reason })),
    ...checkConstraints({}, config).map((r): JwtRuleOutcome => ({ rule: r.rule, status: 'skipped', reason })),
  ];
}

async function inspectDecoded(
  token: string,
  config: JwtAuthorizerConfig,
  options: AuthorizeJwtOptions,
): Promise<JwtInspection> {
  const decoded = decodeJwt(token);
  if (!decoded.ok) {
    const rules: JwtRuleOutcome[] = [
      { rule: 'token', status: 'fail', reason: t('token.NotJwt', { reason: decoded.reason }) },
    ];
    return { rules, result: decideJwt(rules, undefined) };
  }
  const { header, payload } = decoded.jwt;
  const rules: JwtRuleOutcome[] = [{ rule: 'token', status: 'pass', reason: t('token.Ok') }];
  const algorithm = checkAlgorithm(header);
  rules.push(algorithm);
  if (options.offline) {
    rules.push(
      { rule: 'discovery', status: 'skipped', reason: t('offline.Discovery') },
      { rule: 'signature', status: 'skipped', reason: t('offline.Signature') },
      { rule: 'issuer', status: 'skipped', reason: t('offline.Issuer') },
    );
  } else {
    rules.push(...(await checkWithIssuer(token, header, payload, algorithm.status === 'pass', config, options)));
  }
  if (rules.some((r) => r.status === 'fail')) {
    // Claims are read only from a token whose signature and issuer were verified (or offline, on request).
    rules.push(...notAuthentic(config));
    return { header, payload, rules, result: decideJwt(rules, payload) };
  }
  const nowSec = Math.floor((options.now ? options.now() : new Date()).getTime() / 1000);
  rules.push(...checkTimes(payload, nowSec, options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC));
  rules.push(...checkConstraints(payload, config));
  return { header, payload, rules, result: decideJwt(rules, payload) };
}

/**
 * Evaluate every rule for `token` against `config` and decide. `offline` skips discovery, signature and issuer.
 * Never throws: an unexpected failure while verifying is a 401 on the `token` rule with the reason.
 */
export async function inspectJwt(
  token: string | undefined,
  config: JwtAuthorizerConfig,
  options: AuthorizeJwtOptions = {},
): Promise<JwtInspection> {
  if (typeof token !== 'string' || token.trim() === '') {
    const rules: JwtRuleOutcome[] = [{ rule: 'token', status: 'fail', reason: t('token.Missing') }];
    return { rules, result: decideJwt(rules, undefined) };
  }
  try {
    return await inspectDecoded(token.trim(), config, options);
  } catch (err) {
    const rules: JwtRuleOutcome[] = [
      { rule: 'token', status: 'fail', reason: t('token.Unverifiable', { reason: describeError(err) }) },
    ];
    return { rules, result: decideJwt(rules, undefined) };
  }
}

function describeError(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return 'unknown error';
  }
}

/** The authorizer's decision for `token` (see {@link inspectJwt} for the rule-by-rule report). */
export async function authorizeJwt(
  token: string | undefined,
  config: JwtAuthorizerConfig,
  options: AuthorizeJwtOptions = {},
): Promise<VerifyResult> {
  return (await inspectJwt(token, config, options)).result;
}

/** The decision for an HTTP request: its `Authorization: Bearer` token (missing or malformed → 401) through {@link authorizeJwt}. */
export async function authorizeRequest(
  request: InboundRequest,
  config: JwtAuthorizerConfig,
  options: AuthorizeJwtOptions = {},
): Promise<VerifyResult> {
  let bearer: ReturnType<typeof extractBearerToken>;
  try {
    const names = Object.keys(request.headers).filter((k) => k.toLowerCase() === 'authorization');
    const values = names.flatMap((n) => request.headers[n] ?? []);
    bearer = extractBearerToken(values.length > 1 ? values : values[0]);
  } catch (err) {
    bearer = { ok: false, reason: t('bearer.Unreadable', { reason: describeError(err) }) };
  }
  if (!bearer.ok) return { ok: false, status: 401, rule: 'token', reason: bearer.reason };
  return authorizeJwt(bearer.token, config, options);
}
