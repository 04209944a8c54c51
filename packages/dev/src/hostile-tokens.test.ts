/**
 * Hostile-input suite: many kinds of bad (and a few good) tokens sent to the dev runtime emulator in front of a real
 * agent process, verified against a real oidc-provider issuer. Each kind has its exact expected status (200, 401 or
 * 403); no answer is ever 5xx. The seeded property test is in hostile-tokens.property.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { OidcIssuer } from '@agentcore/testkit';
import {
  HOSTILE_CLIENT as CLIENT,
  HOSTILE_SCOPE as SCOPE,
  startHostileRuntime,
  type HostileRuntime,
} from './test-helpers/hostile-runtime.js';

let runtime: HostileRuntime;
let idp: OidcIssuer;
const post = (headers: [string, string][]) => runtime.post(headers);
const bearer = (token: string): [string, string][] => [['authorization', `Bearer ${token}`]];
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  runtime = await startHostileRuntime();
  idp = runtime.idp;
}, 30_000);
afterAll(() => runtime?.close());

type Kind = [name: string, expected: 200 | 401 | 403, headers: () => Promise<[string, string][]>];

describe('hostile tokens at the dev runtime emulator', () => {
  const good = (extra: JWTPayload = {}): JWTPayload => ({
    aud: idp.audience,
    client_id: CLIENT,
    scope: SCOPE,
    ...extra,
  });
  const signed = (extra: JWTPayload = {}, header = {}) => idp.signToken(good(extra), { header });
  const raw = (header: unknown, payload: unknown) =>
    idp.signRaw(typeof header === 'string' ? header : JSON.stringify(header), JSON.stringify(payload));
  const goodRaw = () => ({ iss: idp.issuer, exp: now() + 300, iat: now(), ...good() });
  const unsigned = (extra: JWTPayload, alg = 'none') =>
    `${b64({ alg, typ: 'JWT' })}.${b64({ iss: idp.issuer, exp: now() + 300, ...good(extra) })}.`;
  async function attacker(kind: 'RS256' | 'ES256', extra: JWTPayload, kid: string | undefined) {
    const { privateKey } = await generateKeyPair(kind);
    return new SignJWT({ iss: idp.issuer, exp: now() + 300, ...good(extra) })
      .setProtectedHeader({ alg: kind, ...(kid === undefined ? {} : { kid }) })
      .sign(privateKey);
  }
  const kid = () => idp.kid;

  const kinds: Kind[] = [
    ['a valid token', 200, async () => bearer(await signed())],
    [
      'a real client_credentials token',
      200,
      async () => bearer(await idp.requestToken(CLIENT, 'agent-secret', [SCOPE])),
    ],
    ['lowercase bearer scheme', 200, async () => [['authorization', `bearer ${await signed()}`]]],
    ['uppercase BEARER scheme', 200, async () => [['authorization', `BEARER ${await signed()}`]]],
    ['several spaces after Bearer', 200, async () => [['authorization', `Bearer    ${await signed()}`]]],
    ['typ JWT instead of at+jwt', 200, async () => bearer(await signed({}, { typ: 'JWT' }))],
    ['no kid, signed by the issuer key', 200, async () => bearer(await raw({ alg: 'RS256' }, goodRaw()))],
    ['no Authorization header', 401, async () => []],
    ['Bearer with no token', 401, async () => [['authorization', 'Bearer']]],
    ['Bearer and spaces only', 401, async () => [['authorization', 'Bearer    ']]],
    ['an empty Authorization header', 401, async () => [['authorization', '']]],
    ['Basic credentials', 401, async () => [['authorization', 'Basic YTpi']]],
    ['the token without a scheme', 401, async () => [['authorization', await signed()]]],
    ['two tokens in one header', 401, async () => [['authorization', `Bearer ${await signed()} ${await signed()}`]]],
    ['two Authorization headers', 401, async () => [...bearer(await signed()), ...bearer(await signed())]],
    ['alg none', 401, async () => bearer(unsigned({}))],
    ['alg NONE', 401, async () => bearer(unsigned({}, 'NONE'))],
    ['alg none, exp 1e300', 401, async () => bearer(unsigned({ exp: 1e300 }))],
    ['alg none, exp -1e300', 401, async () => bearer(unsigned({ exp: -1e300 }))],
    ['alg none, exp 9e15', 401, async () => bearer(unsigned({ exp: 9e15 }))],
    ['alg none, nbf 1e300', 401, async () => bearer(unsigned({ nbf: 1e300 }))],
    ['alg none, nbf -1e300', 401, async () => bearer(unsigned({ nbf: -1e300 }))],
    [
      'HS256 with the issuer public key as secret',
      401,
      async () => {
        const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: unknown[] };
        const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
        return bearer(
          await new SignJWT({ iss: idp.issuer, exp: now() + 60, ...good() })
            .setProtectedHeader({ alg: 'HS256', kid: kid() })
            .sign(secret),
        );
      },
    ],
    ['alg hs256 lowercase', 401, async () => bearer(unsigned({}, 'hs256'))],
    ['an unknown alg', 401, async () => bearer(unsigned({}, 'RS999'))],
    ['attacker RSA key, issuer kid', 401, async () => bearer(await attacker('RS256', {}, kid()))],
    ['attacker RSA key, exp 1e300', 401, async () => bearer(await attacker('RS256', { exp: 1e300 }, kid()))],
    ['attacker RSA key, exp -1e300', 401, async () => bearer(await attacker('RS256', { exp: -1e300 }, kid()))],
    ['attacker RSA key, exp 9e15', 401, async () => bearer(await attacker('RS256', { exp: 9e15 }, kid()))],
    ['attacker RSA key, nbf 1e300', 401, async () => bearer(await attacker('RS256', { nbf: 1e300 }, kid()))],
    ['attacker RSA key, nbf -1e300', 401, async () => bearer(await attacker('RS256', { nbf: -1e300 }, kid()))],
    ['attacker EC key, issuer kid', 401, async () => bearer(await attacker('ES256', {}, kid()))],
    ['attacker EC key, exp 1e300', 401, async () => bearer(await attacker('ES256', { exp: 1e300 }, kid()))],
    ['attacker key, unknown kid', 401, async () => bearer(await attacker('RS256', {}, 'unknown-kid'))],
    ['attacker key, no kid', 401, async () => bearer(await attacker('RS256', {}, undefined))],
    ['attacker key, kid with a path', 401, async () => bearer(await attacker('RS256', {}, '../../etc/passwd'))],
    [
      'attacker key embedded as jwk header',
      401,
      async () => {
        const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
        return bearer(
          await new SignJWT({ iss: idp.issuer, exp: now() + 60, ...good() })
            .setProtectedHeader({ alg: 'RS256', kid: kid(), jwk: await exportJWK(publicKey) })
            .sign(privateKey),
        );
      },
    ],
    ['issuer key, wrong kid', 401, async () => bearer(await signed({}, { kid: 'not-published' }))],
    [
      'a tampered payload',
      401,
      async () => {
        const [h, , s] = (await signed({ scope: 'nothing' })).split('.');
        return bearer(`${h}.${b64({ iss: idp.issuer, exp: now() + 60, ...good() })}.${s}`);
      },
    ],
    [
      'the signature removed',
      401,
      async () => {
        const [h, p] = (await signed()).split('.');
        return bearer(`${h}.${p}.`);
      },
    ],
    ['expired an hour ago', 401, async () => bearer(await signed({ exp: now() - 3600 }))],
    ['expired within the clock tolerance', 200, async () => bearer(await signed({ exp: now() - 30 }))],
    ['not valid for an hour', 401, async () => bearer(await signed({ nbf: now() + 3600 }))],
    ['nbf within the clock tolerance', 200, async () => bearer(await signed({ nbf: now() + 30 }))],
    ['no exp', 401, async () => bearer(await signed({ exp: undefined }))],
    ['exp 1e300, correctly signed', 200, async () => bearer(await signed({ exp: 1e300 }))],
    ['exp -1e300, correctly signed', 401, async () => bearer(await signed({ exp: -1e300 }))],
    ['exp 9e15, correctly signed', 200, async () => bearer(await signed({ exp: 9e15 }))],
    ['exp -1', 401, async () => bearer(await signed({ exp: -1 }))],
    ['nbf 1e300, correctly signed', 401, async () => bearer(await signed({ nbf: 1e300 }))],
    ['nbf -1e300, correctly signed', 200, async () => bearer(await signed({ nbf: -1e300 }))],
    ['nbf 9e15', 401, async () => bearer(await signed({ nbf: 9e15 }))],
    [
      'exp as a string',
      401,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), exp: '9999999999' })),
    ],
    ['exp "NaN"', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), exp: 'NaN' }))],
    ['exp null', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), exp: null }))],
    ['exp an array', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), exp: [9e9] }))],
    ['exp true', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), exp: true }))],
    ['nbf as a string', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), nbf: '0' }))],
    ['iat as a string', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), iat: 'now' }))],
    ['iat 1e300', 200, async () => bearer(await signed({ iat: 1e300 }))],
    ['iat -1e300', 200, async () => bearer(await signed({ iat: -1e300 }))],
    ['no iss', 401, async () => bearer(await signed({ iss: undefined }))],
    ['another iss', 401, async () => bearer(await signed({ iss: 'https://evil.example.com' }))],
    ['iss with a trailing slash', 401, async () => bearer(await signed({ iss: `${idp.issuer}/` }))],
    [
      'iss as an array',
      401,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), iss: [idp.issuer] })),
    ],
    ['aud an array containing the audience', 200, async () => bearer(await signed({ aud: ['x', idp.audience] }))],
    ['aud another string', 403, async () => bearer(await signed({ aud: 'https://other.example/api' }))],
    ['aud missing', 403, async () => bearer(await signed({ aud: undefined }))],
    [
      'aud an array of numbers',
      403,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), aud: [1, 2] })),
    ],
    ['aud an empty array', 403, async () => bearer(await signed({ aud: [] }))],
    [
      'scope as an array',
      403,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), scope: [SCOPE] })),
    ],
    ['scope as a number', 403, async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), scope: 7 }))],
    ['scope missing', 403, async () => bearer(await signed({ scope: undefined }))],
    ['scope not allowed', 403, async () => bearer(await signed({ scope: 'agents:write' }))],
    ['scope among others', 200, async () => bearer(await signed({ scope: `agents:write ${SCOPE}` }))],
    ['client_id missing', 403, async () => bearer(await signed({ client_id: undefined }))],
    [
      'client_id a number',
      403,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), client_id: 42 })),
    ],
    [
      'client_id an array',
      403,
      async () => bearer(await raw({ alg: 'RS256', kid: kid() }, { ...goodRaw(), client_id: [CLIENT] })),
    ],
    ['another client', 403, async () => bearer(await idp.requestToken('other-client', 'other-secret', [SCOPE]))],
    ['crit header', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid(), crit: ['exp'] }, goodRaw()))],
    [
      'crit b64 with b64 false',
      401,
      async () => bearer(await raw({ alg: 'RS256', kid: kid(), crit: ['b64'], b64: false }, goodRaw())),
    ],
    ['zip header', 401, async () => bearer(await raw({ alg: 'RS256', kid: kid(), zip: 'DEF' }, goodRaw()))],
    [
      'a duplicate claim (the last one allowed)',
      401,
      async () => {
        const text = JSON.stringify({ ...goodRaw(), client_id: 'other-client' });
        return bearer(
          await idp.signRaw(
            JSON.stringify({ alg: 'RS256', kid: kid() }),
            `${text.slice(0, -1)},"client_id":"${CLIENT}"}`,
          ),
        );
      },
    ],
    [
      'a duplicate header name',
      401,
      async () => bearer(await raw(`{"alg":"none","kid":"${kid()}","alg":"RS256"}`, goodRaw())),
    ],
    [
      'a payload that is not UTF-8',
      401,
      async () => {
        const text = JSON.stringify(goodRaw());
        const bytes = Buffer.concat([
          Buffer.from(`${text.slice(0, -1)},"x":"`),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}'),
        ]);
        return bearer(await idp.signRaw(JSON.stringify({ alg: 'RS256', kid: kid() }), bytes));
      },
    ],
    ['3-part garbage', 401, async () => bearer('a.b.c')],
    ['one word', 401, async () => bearer('garbage')],
    ['dots only', 401, async () => bearer('..')],
    ['base64 padding on a segment', 401, async () => bearer((await signed()).replace('.', '=.'))],
    ['standard base64 characters', 401, async () => bearer(`${b64({ alg: 'RS256' })}.+/+/.sig`)],
    ['an extra segment', 401, async () => bearer(`${await signed()}.extra`)],
    ['a JWE (5 parts)', 401, async () => bearer(`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.k.iv.ct.tag`)],
    ['a header that is a JSON array', 401, async () => bearer(`${b64([1])}.${b64(goodRaw())}.sig`)],
    [
      'a payload that is null',
      401,
      async () => bearer(await idp.signRaw(JSON.stringify({ alg: 'RS256', kid: kid() }), 'null')),
    ],
    ['a very long token', 401, async () => bearer(`${b64({ alg: 'RS256' })}.${'A'.repeat(12_000)}.sig`)],
    ['latin-1 bytes in the header value', 401, async () => [['authorization', 'Bearer \xff\xfe\xe9.\xe9.\xe9']]],
    [
      'a SigV4 signature instead of a token',
      403,
      async () => [
        [
          'authorization',
          'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=abc',
        ],
      ],
    ],
  ];

  it('covers at least 60 kinds', () => expect(kinds.length).toBeGreaterThanOrEqual(60));

  it.each(kinds)('%s → %i', async (_name, expected, headers) => {
    const { status, body } = await post(await headers());
    expect(status).toBe(expected);
    if (expected === 200) expect(body).toEqual({ result: 'echo: hi' });
    else expect(body).toMatchObject({ message: expect.any(String), devRule: expect.any(String) });
  });
});
