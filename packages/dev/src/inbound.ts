/**
 * Inbound decision for a runtime or gateway request, as AWS makes it: built-in AWS_IAM / NONE, everything else
 * through the registered strategy's `verify`. Denials are AWS-shaped (`{message}`); in dev the reason is added.
 */
import type { InboundRequest, InboundStrategy, StrategyRegistry, VerifyOptions, VerifyResult } from '@agentcore/auth';
import type { DecisionCache } from './decision-cache.js';
import { devMessages } from './messages.js';

export type InboundKind = 'runtime' | 'gateway';

export interface InboundResource {
  name: string;
  authorizerType?: string;
  authorizerConfiguration?: unknown;
}

export interface Denial {
  status: 401 | 403 | 501;
  /** AWS-shaped message (what a deployed resource would say). */
  message: string;
  /** Dev-only: which check failed and why. */
  rule: string;
  reason: string;
  expected?: unknown;
  actual?: unknown;
  wwwAuthenticate?: string;
}

export type InboundDecision = { ok: true; sigv4Unverified?: boolean } | { ok: false; denial: Denial };

export const BUILT_IN_INBOUND = ['AWS_IAM', 'NONE'] as const;
const SIGV4 = /^AWS4-HMAC-SHA256\s/i;
/** AWS's own wording of its denials (`aws.*`, what a deployed resource answers) and the dev reasons (`deny.*`). */
const m = devMessages;

export function inboundType(resource: InboundResource, kind: InboundKind): string {
  return resource.authorizerType ?? (kind === 'runtime' ? 'AWS_IAM' : 'NONE');
}

function header(request: InboundRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : (v as string | undefined);
}

/** Resolve the strategy once at startup; `undefined` for the built-in types. */
export function inboundStrategy(registry: StrategyRegistry, type: string): InboundStrategy | undefined {
  if ((BUILT_IN_INBOUND as readonly string[]).includes(type)) return undefined;
  const found = registry.find('inbound', type)?.strategy;
  return found?.direction === 'inbound' ? found : undefined;
}

export async function decideInbound(
  type: string,
  strategy: InboundStrategy | undefined,
  config: unknown,
  request: InboundRequest,
  options: VerifyOptions = {},
  cache?: { store: DecisionCache; scope: string },
): Promise<InboundDecision> {
  const authorization = header(request, 'authorization');
  const sigv4 = authorization !== undefined && SIGV4.test(authorization);
  if (type === 'NONE') return { ok: true };
  if (type === 'AWS_IAM') {
    if (sigv4) return { ok: true, sigv4Unverified: true };
    if (authorization) return deny(403, m().get('aws.MethodMismatch'), 'method', m().get('deny.IamGotOtherScheme'));
    return deny(403, m().get('aws.MissingAuthenticationToken'), 'method', m().get('deny.IamUnsigned'));
  }
  if (sigv4) return deny(403, m().get('aws.MethodMismatch'), 'method', m().get('deny.SignedForOtherType', { type }));
  if (!strategy?.verify)
    return deny(501, m().get('aws.NotImplemented'), 'strategy', m().get('deny.NoVerify', { type }));
  // Several Authorization values are never taken from the cache: the strategy must see (and refuse) them.
  const single = !Array.isArray(request.headers.authorization) || request.headers.authorization.length === 1;
  const key = cache && authorization && single && !options.now ? `${cache.scope}\n${authorization}` : undefined;
  if (key && cache?.store.has(key)) return { ok: true };
  const result: VerifyResult = await strategy.verify(request, config, options);
  if (result.ok) {
    if (key) cache?.store.remember(key, result.principal);
    return { ok: true };
  }
  const denial =
    result.status === 401
      ? {
          message: m().get('aws.Unauthorized'),
          wwwAuthenticate: authorization
            ? 'Bearer realm="agentcore", error="invalid_token"'
            : 'Bearer realm="agentcore"',
        }
      : {
          message: m().get('aws.AccessDenied'),
          wwwAuthenticate: result.rule === 'scope' ? 'Bearer realm="agentcore", error="insufficient_scope"' : undefined,
        };
  return {
    ok: false,
    denial: {
      status: result.status,
      ...denial,
      rule: result.rule,
      reason: result.reason,
      expected: result.expected,
      actual: result.actual,
    },
  };
}

function deny(status: 401 | 403 | 501, message: string, rule: string, reason: string): InboundDecision {
  return { ok: false, denial: { status, message, rule, reason } };
}

/** Header value carrying the dev-only denial reason: printable ASCII, bounded. */
export function denialHeader(d: Denial): string {
  return `${d.rule}: ${d.reason}`.replace(/[^\x20-\x7E]/g, '?').slice(0, 512);
}

/** The AWS-shaped JSON body, plus the dev-only fields. */
export function denialBody(d: Denial): Record<string, unknown> {
  return {
    message: d.message,
    devReason: d.reason,
    devRule: d.rule,
    ...(d.expected !== undefined ? { devExpected: d.expected } : {}),
    ...(d.actual !== undefined ? { devActual: d.actual } : {}),
  };
}
