/** Hostile tokens at the JWT engine: out-of-range numbers, forged signatures, JWS extensions, duplicate names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { propertyParams } from '@agentcore/testkit/property';
import { authorizeJwt, inspectJwt, type JwtAuthorizerConfig } from './index.js';
import { formatEpochSeconds } from './rules.js';
import { findDuplicateMember } from './json-duplicates.js';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const HUGE = [1e300, -1e300, 9e15];

describe('total formatting and duplicate detection (pure)', () => {
  it('formats any number of seconds without throwing', () => {
    expect(formatEpochSeconds(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatEpochSeconds(1e300)).toMatch(/^1e\+300 s since 1970/);
    expect(formatEpochSeconds(Number.NaN)).toMatch(/^NaN/);
    fc.assert(
      fc.property(fc.double(), (n) => typeof formatEpochSeconds(n) === 'string'),
      propertyParams({ numRuns: 500 }),
    );
  });

  it('finds repeated member names at any depth, after unescaping, and ignores values and arrays', () => {
    expect(findDuplicateMember('{"a":1,"a":2}')).toBe('a');
    expect(findDuplicateMember('{"a":1, "\\u0061" :2}')).toBe('a');
    expect(findDuplicateMember('{"x":{"b":1,"b":2}}')).toBe('b');
    expect(findDuplicateMember('{"a":"a","b":["a","a"],"c":{"a":1}}')).toBeUndefined();
    expect(findDuplicateMember('{"a\\"":1,"a":2}')).toBeUndefined();
    expect(findDuplicateMember('[{"a":1},{"a":1}]')).toBeUndefined();
  });
});

describe('the engine never throws and reads no claim of an unverified token', () => {
  let idp: OidcIssuer;
  let config: JwtAuthorizerConfig;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown>) => ({
    iss: idp.issuer,
    client_id: 'c1',
    scope: 'read',
    exp: now() + 300,
    ...extra,
  });

  beforeAll(async () => {
    idp = await startOidcIssuer({ clients: [{ clientId: 'c1', clientSecret: 's1', scopes: ['read'] }] });
    config = { discoveryUrl: idp.discoveryUrl, allowedClients: ['c1'], allowedScopes: ['read'] };
  });
  afterAll(() => idp.close());

  it.each(HUGE.flatMap((n) => [{ exp: n }, { nbf: n }]))(
    'alg none with %o: 401 algorithm, claims skipped',
    async (c) => {
      const token = `${b64({ alg: 'none' })}.${b64(claims(c))}.`;
      const report = await inspectJwt(token, config);
      expect(report.result).toMatchObject({ ok: false, status: 401, rule: 'algorithm' });
      expect(report.rules.filter((r) => ['exp', 'nbf', 'client_id'].includes(r.rule)).map((r) => r.status)).toEqual([
        'skipped',
        'skipped',
        'skipped',
      ]);
    },
  );

  it.each(HUGE.flatMap((n) => [{ exp: n }, { nbf: n }]))('an attacker key with %o: 401 signature', async (c) => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims(c)).setProtectedHeader({ alg: 'ES256', kid: idp.kid }).sign(privateKey);
    const report = await inspectJwt(token, config);
    expect(report.result).toMatchObject({ ok: false, status: 401, rule: 'signature' });
    expect(report.rules.find((r) => r.rule === 'issuer')?.status).toBe('skipped');
    expect(report.rules.find((r) => r.rule === 'exp')?.status).toBe('skipped');
  });

  it('a correctly signed token with out-of-range times is decided, not crashed', async () => {
    expect(await authorizeJwt(await idp.signToken(claims({ exp: 1e300 })), config)).toMatchObject({ ok: true });
    expect(await authorizeJwt(await idp.signToken(claims({ exp: -1e300 })), config)).toMatchObject({
      status: 401,
      rule: 'exp',
      reason: expect.stringMatching(/beyond any date/),
    });
    expect(await authorizeJwt(await idp.signToken(claims({ nbf: 9e15 })), config)).toMatchObject({
      status: 401,
      rule: 'nbf',
    });
    expect(await authorizeJwt(await idp.signToken(claims({ iat: 'yesterday' })), config)).toMatchObject({
      status: 401,
      rule: 'iat',
    });
    const offline = await inspectJwt(`${b64({ alg: 'none' })}.${b64(claims({ exp: 1e300, nbf: -1e300 }))}.`, config, {
      offline: true,
    });
    expect(offline.result).toMatchObject({ ok: false, rule: 'algorithm' });
  });

  it.each([
    ['crit', { alg: 'RS256', crit: ['exp'], exp: 1 }, /critical extensions/],
    ['b64 false', { alg: 'RS256', crit: ['b64'], b64: false }, /crit|b64/],
    ['b64 false without crit', { alg: 'RS256', b64: false }, /b64/],
    ['zip', { alg: 'RS256', zip: 'DEF' }, /zip/],
    ['enc', { alg: 'RS256', enc: 'A256GCM' }, /enc/],
  ])('a correctly signed token with header %s is refused (401 token)', async (_name, header, reason) => {
    const token = await idp.signRaw(JSON.stringify({ ...header, kid: idp.kid }), JSON.stringify(claims({})));
    expect(await authorizeJwt(token, config)).toMatchObject({ ok: false, status: 401, rule: 'token', reason });
  });

  it('duplicate names in the payload or the header are refused although the signature is right', async () => {
    const good = JSON.stringify(claims({}));
    const plain = await idp.signRaw(JSON.stringify({ alg: 'RS256', kid: idp.kid }), good);
    expect((await authorizeJwt(plain, config)).ok).toBe(true);
    const payload = `${good.slice(0, -1)},"client_id":"c2"}`;
    const dupPayload = await idp.signRaw(JSON.stringify({ alg: 'RS256', kid: idp.kid }), payload);
    expect(await authorizeJwt(dupPayload, config)).toMatchObject({
      status: 401,
      rule: 'token',
      reason: expect.stringMatching(/member "client_id" more than once/),
    });
    const dupHeader = await idp.signRaw(`{"alg":"RS256","kid":"${idp.kid}","alg":"RS256"}`, good);
    expect(await authorizeJwt(dupHeader, config)).toMatchObject({ status: 401, rule: 'token' });
    const notUtf8 = await idp.signRaw(
      JSON.stringify({ alg: 'RS256', kid: idp.kid }),
      Buffer.concat([Buffer.from(good.slice(0, -1) + ',"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    );
    expect(await authorizeJwt(notUtf8, config)).toMatchObject({ status: 401, reason: /not UTF-8/ });
  });

  it('never throws on random tokens, headers and claims (seeded property, online and offline)', async () => {
    const segment = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => b64(v)),
      fc
        .dictionary(
          fc.constantFrom('alg', 'kid', 'crit', 'b64', 'zip', 'exp', 'nbf', 'iat', 'iss', 'aud', 'scope', 'client_id'),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map((v) => b64(v)),
      fc.string({ maxLength: 40 }),
    );
    const token = fc.oneof(
      fc.tuple(segment, segment, fc.string({ maxLength: 10 })).map((parts) => parts.join('.')),
      fc.string({ maxLength: 60 }),
    );
    const property = fc.asyncProperty(token, fc.boolean(), async (t, offline) => {
      const report = await inspectJwt(t, config, { offline });
      const r = report.result;
      return r.ok || r.status === 401 || r.status === 403;
    });
    await fc.assert(property, propertyParams({ numRuns: 300 }));
  });

  it('an exception inside verification is a 401 with the reason, never a throw', async () => {
    const hostile = {
      ...config,
      get allowedScopes(): string[] {
        throw new Error('boom');
      },
    };
    const token = await idp.signToken(claims({}));
    expect(await authorizeJwt(token, hostile)).toMatchObject({ ok: false, status: 401, reason: /boom/ });
  });
});
