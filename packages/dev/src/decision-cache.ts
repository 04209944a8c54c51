/**
 * Cache of positive inbound decisions, like API Gateway's authorizer result cache: the same Authorization value on
 * the same resource is accepted again without re-verifying, for at most `ttlMs` and never past the token's own
 * `exp`. Denials are never cached. A verification depends only on the token, the (fixed) config and the time, so
 * a cached "yes" before `exp` is the answer verify would give; the one difference is that a signing key withdrawn
 * by the issuer is noticed up to `ttlMs` later (AWS caches JWKS too). When the config changes while `agentcore dev`
 * runs, {@link flushDecisionCaches} forgets every decision, so a token the new config refuses is refused at once.
 */
import type { Principal } from '@agentcore/auth';

export const DEFAULT_DECISION_TTL_MS = 30_000;

/** Bumped by {@link flushDecisionCaches}; a cache whose entries were made under an older generation drops them. */
let generation = 0;

/** Forget every cached decision of every cache in this process (the config they were made under changed). */
export function flushDecisionCaches(): void {
  generation += 1;
}

export class DecisionCache {
  readonly #entries = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;
  #generation = generation;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_DECISION_TTL_MS;
    this.#max = options.maxEntries ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.#ttlMs > 0;
  }

  /** Forget every cached decision of this cache. */
  clear(): void {
    this.#entries.clear();
  }

  #sync(): void {
    if (this.#generation === generation) return;
    this.#entries.clear();
    this.#generation = generation;
  }

  has(key: string): boolean {
    this.#sync();
    const until = this.#entries.get(key);
    if (until === undefined) return false;
    if (until > this.#now()) return true;
    this.#entries.delete(key);
    return false;
  }

  /** Remember an accepted request; only when the principal carries a numeric `exp` (seconds since the epoch). */
  remember(key: string, principal: Principal): void {
    const exp = principal.claims.exp;
    if (!this.enabled || typeof exp !== 'number') return;
    this.#sync();
    const until = Math.min(this.#now() + this.#ttlMs, exp * 1000);
    if (until <= this.#now()) return;
    this.#entries.delete(key);
    this.#entries.set(key, until);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}
