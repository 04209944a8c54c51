import { describe, expect, it } from 'vitest';
import { decodeJwt, extractBearerToken } from './decode.js';
import { checkAlgorithm, checkTimes } from './rules.js';
import { decideJwt, inspectJwt, statusForRule } from './inspect.js';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('decodeJwt and extractBearerToken (pure)', () => {
  it('decodes a compact JWS and explains what is wrong otherwise', () => {
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.${b64({ sub: 'x' })}.sig`)).toEqual({
      ok: true,
      jwt: { header: { alg: 'RS256' }, payload: { sub: 'x' } },
    });
    expect(decodeJwt('a.b.c.d.e')).toMatchObject({ ok: false, reason: expect.stringMatching(/encrypted JWE/) });
    expect(decodeJwt('only.two')).toMatchObject({ ok: false, reason: expect.stringMatching(/2 dot-separated parts/) });
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.${b64('[1]')}.s`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/payload is not a JSON object/),
    });
    expect(decodeJwt(`${b64('nope')}.${b64({})}.s`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/header is not JSON/),
    });
    expect(decodeJwt('a+b.c.d')).toMatchObject({ ok: false, reason: expect.stringMatching(/base64url/) });
  });
  it('reads Bearer case-insensitively and rejects other schemes', () => {
    expect(extractBearerToken('bearer abc')).toEqual({ ok: true, token: 'abc' });
    expect(extractBearerToken(['Bearer x'])).toEqual({ ok: true, token: 'x' });
    expect(extractBearerToken(['Bearer x', 'Bearer y'])).toMatchObject({ ok: false, reason: /several/ });
    expect(extractBearerToken(undefined).ok).toBe(false);
    expect(extractBearerToken('Basic abc').ok).toBe(false);
    expect(extractBearerToken('Bearer a b').ok).toBe(false);
  });
});

describe('algorithm and time rules (frozen clock)', () => {
  it('accepts asymmetric algorithms only', () => {
    expect(checkAlgorithm({ alg: 'ES256' }).status).toBe('pass');
    for (const alg of ['none', 'NONE', 'HS256', 'HS512', 'XYZ', undefined])
      expect(checkAlgorithm({ alg }).status).toBe('fail');
  });
  it('applies the tolerance to exp and nbf at the boundary', () => {
    const now = 1_800_000_000;
    const status = (payload: Record<string, unknown>, tol: number) =>
      checkTimes(payload, now, tol).map((r) => r.status);
    expect(status({ exp: now - 60 }, 60)).toEqual(['pass', 'skipped', 'skipped']);
    expect(status({ exp: now - 61 }, 60)).toEqual(['fail', 'skipped', 'skipped']);
    expect(status({ exp: now + 10, nbf: now + 60 }, 60)).toEqual(['pass', 'pass', 'skipped']);
    expect(status({ exp: now + 10, nbf: now + 61 }, 60)).toEqual(['pass', 'fail', 'skipped']);
    expect(status({ exp: '1' }, 60)).toEqual(['fail', 'skipped', 'skipped']);
  });
  it('uses the injected clock in offline inspection', async () => {
    const token = `${b64({ alg: 'RS256' })}.${b64({ exp: 1_000, client_id: 'c' })}.sig`;
    const config = { discoveryUrl: 'https://x/.well-known/openid-configuration', allowedClients: ['c'] };
    expect((await inspectJwt(token, config, { offline: true, now: () => new Date(900_000) })).result.ok).toBe(true);
    expect((await inspectJwt(token, config, { offline: true, now: () => new Date(2_000_000) })).result).toMatchObject({
      ok: false,
      status: 401,
      rule: 'exp',
    });
  });
  it('maps authenticity rules to 401 and constraints to 403', () => {
    expect(
      ['token', 'algorithm', 'discovery', 'signature', 'issuer', 'exp', 'nbf', 'iat'].map((r) =>
        statusForRule(r as 'token'),
      ),
    ).toEqual(Array(8).fill(401));
    expect(['aud', 'client_id', 'scope', 'claim:x'].map((r) => statusForRule(r as 'aud'))).toEqual(Array(4).fill(403));
    expect(decideJwt([{ rule: 'aud', status: 'skipped', reason: '' }], { sub: 's', scope: 'a b' })).toEqual({
      ok: true,
      principal: { subject: 's', scopes: ['a', 'b'], claims: { sub: 's', scope: 'a b' } },
    });
  });
});
