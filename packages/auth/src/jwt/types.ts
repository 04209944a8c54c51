/**
 * Types of the JWT authorizer engine. The engine takes the plain `customJwtAuthorizer` block; the CUSTOM_JWT plugin's
 * zod-inferred type is assignable to {@link JwtAuthorizerConfig} (this package never imports the plugin).
 */
import type { Dispatcher } from 'undici';
import type { VerifyOptions, VerifyResult } from '../contract.js';

export type ClaimValueType = 'STRING' | 'STRING_ARRAY';
export type ClaimMatchOperator = 'EQUALS' | 'CONTAINS' | 'CONTAINS_ANY';

export interface CustomClaimRule {
  inboundTokenClaimName: string;
  inboundTokenClaimValueType: ClaimValueType;
  authorizingClaimMatchValue: {
    claimMatchOperator: ClaimMatchOperator;
    claimMatchValue: { matchValueString?: string; matchValueStringList?: readonly string[] };
  };
}

/** The `customJwtAuthorizer` block of a runtime or gateway (agentcore.json spelling). */
export interface JwtAuthorizerConfig {
  discoveryUrl: string;
  allowedAudience?: readonly string[];
  allowedClients?: readonly string[];
  allowedScopes?: readonly string[];
  customClaims?: readonly CustomClaimRule[];
}

/**
 * The checks, in evaluation order. `token` … `iat` establish that the token is authentic and current (a failure is
 * a 401); `aud` … `claim:<name>` are the configured constraints (a failure on an authentic token is a 403).
 */
export type JwtRuleName =
  | 'token'
  | 'algorithm'
  | 'discovery'
  | 'signature'
  | 'issuer'
  | 'exp'
  | 'nbf'
  | 'iat'
  | 'aud'
  | 'client_id'
  | 'scope'
  | `claim:${string}`;

export type JwtRuleStatus = 'pass' | 'fail' | 'skipped';

export interface JwtRuleOutcome {
  rule: JwtRuleName;
  status: JwtRuleStatus;
  /** Why it passed, failed or was skipped, in words a user can act on. */
  reason: string;
  expected?: unknown;
  actual?: unknown;
}

export interface JwtInspection {
  /** Decoded protected header and payload (absent when the token could not be decoded). */
  header?: Readonly<Record<string, unknown>>;
  payload?: Readonly<Record<string, unknown>>;
  /** Every rule, in evaluation order. */
  rules: JwtRuleOutcome[];
  /** The decision: the first failing rule, or the principal. */
  result: VerifyResult;
}

/** Default allowed clock skew for `exp`/`nbf`, in seconds (AWS does not document its own; 60 s is the common choice). */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 60;

export interface AuthorizeJwtOptions extends VerifyOptions {
  /** Skip discovery, signature and issuer checks (no network): claims and times only. */
  offline?: boolean;
  /** Minimum time between JWKS refetches triggered by an unknown `kid` (jose's cooldown; default 30 000). */
  jwksCooldownMs?: number;
  /** Timeout of the discovery and JWKS requests (default 5 000). */
  timeoutMs?: number;
  /** undici dispatcher for the discovery request (tests). */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}
