/**
 * Seeded property test at the dev runtime emulator: random headers, claims and numbers, signed by the real issuer's
 * key (or mangled), must always get 200, 401 or 403 — never 5xx — and the strategy must never throw.
 * Seeded through `@agentcore/testkit/property`: a failure prints the seed, the path and the command replaying it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertyParams } from '@agentcore/testkit/property';
import {
  HOSTILE_CLIENT as CLIENT,
  HOSTILE_SCOPE as SCOPE,
  startHostileRuntime,
  type HostileRuntime,
} from './test-helpers/hostile-runtime.js';

let runtime: HostileRuntime;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  runtime = await startHostileRuntime();
}, 30_000);
afterAll(() => runtime?.close());

describe('random headers, claims and numbers (seeded property)', () => {
  const anyNumber = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e300, -1e300, 9e15, -1, 0, Number.MAX_SAFE_INTEGER),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  // Mostly the valid value, so that every status (200, 401, 403) is reached, not only the first failing rule.
  const usually = <T, U>(valid: T, other: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: fc.constant(valid), weight: 4 }, { arbitrary: other, weight: 1 });
  const rarely = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: arb, weight: 1 });
  const claims = fc.record({
    exp: usually(
      now() + 300,
      fc.oneof(
        anyNumber,
        fc.integer({ min: -120, max: 600 }).map((d) => now() + d),
      ),
    ),
    nbf: rarely(anyNumber),
    iat: rarely(anyNumber),
    iss: usually('ISSUER', maybe(fc.string({ maxLength: 8 }))),
    aud: usually('AUDIENCE', maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string(), { maxLength: 2 })))),
    client_id: usually(CLIENT, maybe(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()))),
    scope: usually(SCOPE, maybe(fc.oneof(fc.string({ maxLength: 12 }), fc.array(fc.constant(SCOPE))))),
    extra: maybe(fc.jsonValue({ maxDepth: 2 })),
  });
  const header = fc.record({
    alg: usually('RS256', fc.oneof(fc.constantFrom('none', 'HS256', 'ES256', ''), fc.string({ maxLength: 6 }))),
    kid: usually('KID', maybe(fc.string({ maxLength: 8 }))),
    typ: maybe(fc.string({ maxLength: 6 })),
    crit: rarely(fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })),
    b64: rarely(fc.boolean()),
    zip: rarely(fc.constant('DEF')),
  });
  const scheme = usually('Bearer ', fc.constantFrom('bearer ', 'Bearer  ', '', 'Basic ', 'Bearer'));
  const mangle = usually(false, fc.constant(true));

  it('answers 200, 401 or 403 to every request, never 5xx', async () => {
    const seen = new Set<number>();
    const fill = (v: unknown) =>
      v === 'ISSUER' ? runtime.idp.issuer : v === 'AUDIENCE' ? runtime.idp.audience : v === 'KID' ? runtime.idp.kid : v;
    const property = fc.asyncProperty(header, claims, scheme, mangle, async (h, c, s, cut) => {
      const headerObj = Object.fromEntries(
        Object.entries(h)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, fill(v)]),
      );
      const payload = Object.fromEntries(
        Object.entries(c)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, fill(v)]),
      );
      let token = await runtime.idp.signRaw(JSON.stringify(headerObj), JSON.stringify(payload));
      if (cut) token = token.slice(0, -3);
      const { status } = await runtime.post([['authorization', `${s}${token}`]]);
      seen.add(status);
      return status === 200 || status === 401 || status === 403;
    });
    await fc.assert(property, propertyParams({ numRuns: 150 }));
    expect([...seen].sort()).toEqual([200, 401, 403]);
    expect(runtime.logs.join('\n')).not.toMatch(/strategy threw/);
  }, 120_000);
});
