import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, type JWTPayload } from 'jose';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { clearDiscoveryCache } from '../oidc/discovery.js';
import { authorizeJwt, authorizeRequest, clearJwksCache, inspectJwt, type JwtAuthorizerConfig } from './index.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('authorizeJwt against a real oidc-provider issuer', () => {
  let idp: OidcIssuer;
  let base: JwtAuthorizerConfig;
  let c1Token: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    idp = await startOidcIssuer({
      clients: [
        {
          clientId: 'c1',
          clientSecret: 's1',
          scopes: ['read', 'write'],
          claims: { tenant: 'acme', groups: ['admins', 'dev'] },
        },
        { clientId: 'c2', clientSecret: 's2', scopes: ['read'] },
      ],
    });
    base = { discoveryUrl: idp.discoveryUrl, allowedClients: ['c1'] };
    c1Token = await idp.requestToken('c1', 's1', ['read', 'write']);
  });
  afterAll(() => idp.close());
  beforeEach(() => {
    clearJwksCache();
    clearDiscoveryCache();
    idp.resetStats();
  });

  const sign = (claims: JWTPayload, header = {}) =>
    idp.signToken({ client_id: 'c1', sub: 'c1', scope: 'read', aud: idp.audience, ...claims }, { header });
  const deny = async (token: string, config: Partial<JwtAuthorizerConfig>, status: 401 | 403, rule: string) => {
    const r = await authorizeJwt(token, { ...base, ...config });
    expect(r.ok ? r : { status: r.status, rule: r.rule }).toEqual({ status, rule });
    return r.ok ? undefined : r;
  };

  describe('accepts', () => {
    it('a real client_credentials token for an allowed client, with its principal', async () => {
      const r = await authorizeJwt(c1Token, base);
      expect(r).toMatchObject({ ok: true, principal: { clientId: 'c1', subject: 'c1', scopes: ['read', 'write'] } });
    });
    it('the issued audience', async () =>
      expect(
        (await authorizeJwt(c1Token, { discoveryUrl: idp.discoveryUrl, allowedAudience: [idp.audience] })).ok,
      ).toBe(true));
    it('an aud array containing an allowed audience', async () => {
      expect(
        (
          await authorizeJwt(await sign({ aud: ['other', 'api://x'] }), {
            discoveryUrl: idp.discoveryUrl,
            allowedAudience: ['api://x'],
          })
        ).ok,
      ).toBe(true);
    });
    it('any one of the allowed scopes (any-of)', async () =>
      expect((await authorizeJwt(c1Token, { ...base, allowedScopes: ['admin', 'write'] })).ok).toBe(true));
    it('a token expired less than the clock tolerance ago', async () =>
      expect((await authorizeJwt(await sign({ exp: now() - 30 }), base)).ok).toBe(true));
    it('all constraint kinds together when each is met', async () => {
      const config: JwtAuthorizerConfig = {
        discoveryUrl: idp.discoveryUrl,
        allowedAudience: [idp.audience],
        allowedClients: ['c1'],
        allowedScopes: ['write'],
        customClaims: [
          {
            inboundTokenClaimName: 'tenant',
            inboundTokenClaimValueType: 'STRING',
            authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'acme' } },
          },
        ],
      };
      expect((await authorizeJwt(c1Token, config)).ok).toBe(true);
    });
  });

  describe('denies with 401 (not authentic or not current)', () => {
    it('no token, and a token that is not a JWT', async () => {
      expect(await authorizeJwt(undefined, base)).toMatchObject({ ok: false, status: 401, rule: 'token' });
      await deny('not-a-jwt', {}, 401, 'token');
      await deny('a.b.c', {}, 401, 'token');
    });
    it('a token signed by another key under the issuer kid', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({ iss: idp.issuer, client_id: 'c1', exp: now() + 60 })
        .setProtectedHeader({ alg: 'RS256', kid: idp.kid })
        .sign(privateKey);
      const r = await deny(forged, {}, 401, 'signature');
      expect(r?.reason).toMatch(/does not verify/);
    });
    it('a token with a kid the issuer never published', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({ iss: idp.issuer, client_id: 'c1', exp: now() + 60 })
        .setProtectedHeader({ alg: 'RS256', kid: 'unknown-kid' })
        .sign(privateKey);
      const r = await deny(forged, {}, 401, 'signature');
      expect(r?.reason).toMatch(/no key for kid "unknown-kid"/);
    });
    it('alg none', async () => {
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: idp.issuer, client_id: 'c1', exp: now() + 60 })}.`;
      await deny(token, {}, 401, 'algorithm');
    });
    it('HS256 signed with the issuer public key as the HMAC secret', async () => {
      const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: unknown[] };
      const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
      const token = await new SignJWT({ iss: idp.issuer, client_id: 'c1', exp: now() + 60 })
        .setProtectedHeader({ alg: 'HS256', kid: idp.kid })
        .sign(secret);
      await deny(token, {}, 401, 'algorithm');
    });
    it('a tampered payload', async () => {
      const [h, , s] = c1Token.split('.');
      const payload = JSON.parse(Buffer.from(c1Token.split('.')[1] ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      await deny(`${h}.${b64({ ...payload, client_id: 'c1', scope: 'admin' })}.${s}`, {}, 401, 'signature');
    });
    it('an expired token, and one just expired when the tolerance is 0', async () => {
      await deny(await sign({ exp: now() - 3600 }), {}, 401, 'exp');
      expect(await authorizeJwt(await sign({ exp: now() - 5 }), base, { clockToleranceSec: 0 })).toMatchObject({
        ok: false,
        status: 401,
        rule: 'exp',
      });
    });
    it('a token without exp', async () => deny(await sign({ exp: undefined }), {}, 401, 'exp'));
    it('a token not valid yet', async () => deny(await sign({ nbf: now() + 3600 }), {}, 401, 'nbf'));
    it('a token from another issuer (iss mismatch)', async () => {
      const r = await deny(await sign({ iss: 'https://evil.example.com' }), {}, 401, 'issuer');
      expect(r?.expected).toBe(idp.issuer);
    });
    it('an unreachable discovery URL', async () => {
      await deny(c1Token, { discoveryUrl: 'http://127.0.0.1:9/.well-known/openid-configuration' }, 401, 'discovery');
    });
  });

  describe('denies with 403 (authentic token, constraint not met)', () => {
    it('audience not allowed', async () =>
      deny(c1Token, { allowedClients: undefined, allowedAudience: ['api://other'] }, 403, 'aud'));
    it('aud absent (Cognito client_credentials shape), with a hint to use allowed clients', async () => {
      const r = await deny(await sign({ aud: undefined }), { allowedAudience: [idp.audience] }, 403, 'aud');
      expect(r?.reason).toMatch(/allowedClients/);
    });
    it('client not allowed', async () => {
      const r = await deny(await idp.requestToken('c2', 's2', ['read']), {}, 403, 'client_id');
      expect(r).toMatchObject({ expected: ['c1'], actual: 'c2' });
    });
    it('client_id absent', async () => deny(await sign({ client_id: undefined }), {}, 403, 'client_id'));
    it('no allowed scope in the token', async () => deny(c1Token, { allowedScopes: ['admin'] }, 403, 'scope'));
    it('scope absent', async () => deny(await sign({ scope: undefined }), { allowedScopes: ['read'] }, 403, 'scope'));
    it('each constraint kind is enforced even when the others pass', async () => {
      const all = { allowedAudience: [idp.audience], allowedClients: ['c1'], allowedScopes: ['read'] };
      await deny(c1Token, { ...all, allowedScopes: ['admin'] }, 403, 'scope');
      await deny(c1Token, { ...all, allowedClients: ['c9'] }, 403, 'client_id');
      await deny(c1Token, { ...all, allowedAudience: ['x'] }, 403, 'aud');
    });
  });

  describe('custom claims by operator', () => {
    const rule = (
      name: string,
      type: 'STRING' | 'STRING_ARRAY',
      op: 'EQUALS' | 'CONTAINS' | 'CONTAINS_ANY',
      value: string | string[],
    ) => ({
      customClaims: [
        {
          inboundTokenClaimName: name,
          inboundTokenClaimValueType: type,
          authorizingClaimMatchValue: {
            claimMatchOperator: op,
            claimMatchValue: Array.isArray(value) ? { matchValueStringList: value } : { matchValueString: value },
          },
        },
      ],
    });
    it('STRING EQUALS passes and fails', async () => {
      expect((await authorizeJwt(c1Token, { ...base, ...rule('tenant', 'STRING', 'EQUALS', 'acme') })).ok).toBe(true);
      await deny(c1Token, rule('tenant', 'STRING', 'EQUALS', 'globex'), 403, 'claim:tenant');
    });
    it('STRING_ARRAY CONTAINS passes and fails', async () => {
      expect(
        (await authorizeJwt(c1Token, { ...base, ...rule('groups', 'STRING_ARRAY', 'CONTAINS', 'admins') })).ok,
      ).toBe(true);
      await deny(c1Token, rule('groups', 'STRING_ARRAY', 'CONTAINS', 'ops'), 403, 'claim:groups');
    });
    it('STRING_ARRAY CONTAINS_ANY passes and fails', async () => {
      expect(
        (await authorizeJwt(c1Token, { ...base, ...rule('groups', 'STRING_ARRAY', 'CONTAINS_ANY', ['ops', 'dev']) }))
          .ok,
      ).toBe(true);
      await deny(c1Token, rule('groups', 'STRING_ARRAY', 'CONTAINS_ANY', ['ops', 'qa']), 403, 'claim:groups');
    });
    it('a claim of the wrong type, and an absent claim', async () => {
      await deny(c1Token, rule('groups', 'STRING', 'EQUALS', 'admins'), 403, 'claim:groups');
      await deny(c1Token, rule('tenant', 'STRING_ARRAY', 'CONTAINS', 'acme'), 403, 'claim:tenant');
      await deny(c1Token, rule('department', 'STRING', 'EQUALS', 'x'), 403, 'claim:department');
    });
  });

  describe('keys', () => {
    it('fetches discovery and the JWKS once for many verifications', async () => {
      const tokens = await Promise.all(Array.from({ length: 5 }, () => sign({})));
      for (let i = 0; i < 4; i++) for (const t of tokens) expect((await authorizeJwt(t, base)).ok).toBe(true);
      expect(idp.stats).toMatchObject({ discovery: 1, jwks: 1 });
    });
    it('picks up a rotated key (new kid) with one refetch, and refetches at most once for an unknown kid', async () => {
      expect((await authorizeJwt(c1Token, base, { jwksCooldownMs: 0 })).ok).toBe(true);
      expect(idp.stats.jwks).toBe(1);
      const oldKid = idp.kid;
      const newKid = await idp.rotateKeys();
      expect(newKid).not.toBe(oldKid);
      const rotated = await idp.requestToken('c1', 's1', ['read']);
      expect(JSON.parse(Buffer.from(rotated.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({
        kid: newKid,
      });
      expect((await authorizeJwt(rotated, base, { jwksCooldownMs: 0 })).ok).toBe(true);
      expect(idp.stats.jwks).toBe(2);
      expect((await authorizeJwt(c1Token, base, { jwksCooldownMs: 0 })).ok).toBe(true); // old key still published
      const { privateKey } = await generateKeyPair('RS256');
      const stranger = await new SignJWT({ iss: idp.issuer, exp: now() + 60 })
        .setProtectedHeader({ alg: 'RS256', kid: 'stranger' })
        .sign(privateKey);
      expect(await authorizeJwt(stranger, base, { jwksCooldownMs: 0 })).toMatchObject({
        ok: false,
        status: 401,
        rule: 'signature',
      });
      expect(idp.stats.jwks).toBe(3);
    });
    it('does not refetch for an unknown kid within the cooldown', async () => {
      expect((await authorizeJwt(c1Token, base)).ok).toBe(true);
      const { privateKey } = await generateKeyPair('RS256');
      const stranger = await new SignJWT({ iss: idp.issuer, exp: now() + 60 })
        .setProtectedHeader({ alg: 'RS256', kid: 'stranger' })
        .sign(privateKey);
      for (let i = 0; i < 3; i++) expect((await authorizeJwt(stranger, base)).ok).toBe(false);
      expect(idp.stats.jwks).toBe(1);
    });
  });

  describe('requests and inspection', () => {
    it('reads the bearer token from the Authorization header (any case); missing or non-bearer is 401', async () => {
      expect(
        (
          await authorizeRequest(
            { method: 'POST', url: '/invocations', headers: { Authorization: `Bearer ${c1Token}` } },
            base,
          )
        ).ok,
      ).toBe(true);
      expect(await authorizeRequest({ method: 'POST', url: '/', headers: {} }, base)).toMatchObject({
        ok: false,
        status: 401,
        rule: 'token',
      });
      expect(
        await authorizeRequest({ method: 'POST', url: '/', headers: { authorization: 'Basic YTpi' } }, base),
      ).toMatchObject({ ok: false, status: 401, rule: 'token' });
    });
    it('reports every rule; offline skips discovery, signature and issuer without any request', async () => {
      const online = await inspectJwt(c1Token, { ...base, allowedScopes: ['admin'] });
      expect(online.rules.map((r) => [r.rule, r.status])).toEqual([
        ['token', 'pass'],
        ['algorithm', 'pass'],
        ['discovery', 'pass'],
        ['signature', 'pass'],
        ['issuer', 'pass'],
        ['exp', 'pass'],
        ['nbf', 'skipped'],
        ['iat', 'pass'],
        ['aud', 'skipped'],
        ['client_id', 'pass'],
        ['scope', 'fail'],
      ]);
      expect(online.result).toMatchObject({ ok: false, status: 403, rule: 'scope' });
      idp.resetStats();
      const offline = await inspectJwt(await sign({ iss: 'https://elsewhere' }), base, { offline: true });
      expect(offline.rules.filter((r) => r.status === 'skipped').map((r) => r.rule)).toEqual([
        'discovery',
        'signature',
        'issuer',
        'nbf',
        'aud',
        'scope',
      ]);
      expect(offline.result.ok).toBe(true);
      expect(idp.stats).toMatchObject({ discovery: 0, jwks: 0 });
    });
  });
});
