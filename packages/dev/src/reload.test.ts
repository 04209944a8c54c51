import { describe, expect, it } from 'vitest';
import { DecisionCache, flushDecisionCaches } from './decision-cache.js';
import type { DevPlan, RuntimePlan } from './plan.js';
import { issuerClientChanges, restartReasons } from './reload.js';

const runtime = (name: string, over: Partial<RuntimePlan> = {}): RuntimePlan => ({
  name,
  type: 'NONE',
  config: undefined,
  allowlist: [],
  codeLocation: `app/${name}/`,
  entrypoint: 'main.js',
  envVars: [],
  ...over,
});
const plan = (runtimes: RuntimePlan[], gateways: string[] = []): DevPlan => ({
  runtimes,
  gateways: gateways.map((name) => ({ name, type: 'NONE', config: undefined, targets: [] })),
  skipped: [],
});

describe('restartReasons', () => {
  it('is empty when only what is applied live changed (auth, allowlists)', () => {
    const before = plan([runtime('A')], ['g']);
    const after = plan([runtime('A', { type: 'CUSTOM_JWT', config: { x: 1 }, allowlist: ['X-Amzn-Foo'] })], ['g']);
    expect(restartReasons(before, after)).toEqual([]);
  });

  it('names added and removed agents and gateways, and changed code, entrypoint or environment', () => {
    const before = plan([runtime('A'), runtime('B'), runtime('C')], ['g1']);
    const after = plan(
      [
        runtime('A', { codeLocation: 'elsewhere/' }),
        runtime('B', { envVars: [{ name: 'X', value: '1' }] }),
        runtime('D'),
      ],
      ['g2'],
    );
    expect(restartReasons(before, after)).toEqual([
      'the code location or entrypoint of agent A changed',
      'the environment variables of agent B changed',
      'agent D was added',
      'agent C was removed',
      'gateway g2 was added',
      'gateway g1 was removed',
    ]);
  });
});

describe('flushDecisionCaches', () => {
  it('makes every cache forget its accepted decisions', () => {
    const now = 1_000_000;
    const a = new DecisionCache({ now: () => now });
    const b = new DecisionCache({ now: () => now });
    const principal = { claims: { exp: now / 1000 + 3600 } } as never;
    a.remember('k', principal);
    b.remember('k', principal);
    expect(a.has('k') && b.has('k')).toBe(true);
    flushDecisionCaches();
    expect(a.has('k')).toBe(false);
    expect(b.has('k')).toBe(false);
    a.remember('k', principal);
    expect(a.has('k')).toBe(true);
  });
});

describe('issuerClientChanges', () => {
  const client = { clientId: 'a', clientSecret: 'TOPSECRET', scopes: ['x', 'y'], audience: 'aud' };
  it('is empty when the clients are the same (scope order aside)', () => {
    expect(issuerClientChanges([client], [{ ...client, scopes: ['y', 'x'] }])).toEqual([]);
  });

  it('names new and changed clients, never their secrets', () => {
    const changes = issuerClientChanges(
      [client],
      [
        { ...client, clientSecret: 'OTHERSECRET' },
        { ...client, clientId: 'b' },
      ],
    );
    expect(changes).toEqual([
      "the dev issuer's client a changed (secret, scopes or audience)",
      'the dev issuer has no client b yet',
    ]);
    expect(changes.join()).not.toMatch(/SECRET/);
  });
});
