import { describe, expect, it } from 'vitest';
import {
  CustomClaimSchema,
  CustomJwtAuthorizerConfigSchema,
  CustomJwtAuthorizerSchema,
  DiscoveryUrlSchema,
} from './schema.js';

const URL_OK = 'https://idp.example.com/.well-known/openid-configuration';
const claim = (type: string, op: string, value: Record<string, unknown>, name = 'groups') => ({
  inboundTokenClaimName: name,
  inboundTokenClaimValueType: type,
  authorizingClaimMatchValue: { claimMatchOperator: op, claimMatchValue: value },
});
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('discovery URL', () => {
  it.each([
    URL_OK,
    'http://127.0.0.1:4000/.well-known/openid-configuration',
    'http://localhost/.well-known/openid-configuration',
    'http://[::1]:80/x/.well-known/openid-configuration',
  ])('accepts %s', (u) => {
    expect(DiscoveryUrlSchema.safeParse(u).success).toBe(true);
  });
  it.each([
    ['http://idp.example.com/.well-known/openid-configuration', /https/],
    ['https://idp.example.com/.well-known/jwks.json', /openid-configuration/],
    ['https://idp.example.com/.well-known/openid-configuration?x=1', /openid-configuration/],
    ['not a url', /valid URL/],
  ])('rejects %s', (u, message) => {
    const r = DiscoveryUrlSchema.safeParse(u);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });
});

describe('authorizer block', () => {
  it('needs at least one constraint', () => {
    const r = CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK });
    expect(paths(r)).toEqual(['']);
    expect(CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedClients: ['c1'] }).success).toBe(true);
  });
  it('rejects empty lists, empty items, over-long items, bad scopes and unknown keys', () => {
    expect(paths(CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedClients: [] }))).toContain(
      'allowedClients',
    );
    expect(paths(CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedAudience: [''] }))).toContain(
      'allowedAudience.0',
    );
    expect(
      paths(CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedClients: ['x'.repeat(256)] })),
    ).toContain('allowedClients.0');
    expect(
      paths(CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedScopes: ['read', 'has space', 'q"'] })),
    ).toEqual(['allowedScopes.1', 'allowedScopes.2']);
    expect(
      CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, allowedScopes: ['agents/read:x'] }).success,
    ).toBe(true);
    expect(
      CustomJwtAuthorizerConfigSchema.safeParse({
        customJwtAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c'], extra: 1 },
      }).success,
    ).toBe(false);
    expect(
      CustomJwtAuthorizerConfigSchema.safeParse({
        customJWTAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c'] },
      }).success,
    ).toBe(false);
  });
});

describe('values pasted from docs or terminals', () => {
  it.each(['api://x…', 'client\u0000', 'tab\there', 'del\u007f', 'c1\u0085'])(
    'refuses %j in audiences and clients',
    (v) => {
      for (const field of ['allowedAudience', 'allowedClients']) {
        const r = CustomJwtAuthorizerSchema.safeParse({ discoveryUrl: URL_OK, [field]: [v] });
        expect(r.success).toBe(false);
        expect(r.error?.issues[0]?.message).toContain('ellipsis');
      }
    },
  );
  it('keeps accepting ordinary ids, URIs and non-ASCII letters', () => {
    const ok = { discoveryUrl: URL_OK, allowedAudience: ['api://my-api', 'Zürich'], allowedClients: ['a.b-c_d'] };
    expect(CustomJwtAuthorizerSchema.safeParse(ok).success).toBe(true);
  });
});

describe('custom claim pairing (operator ↔ value type ↔ value member)', () => {
  it.each([
    ['STRING', 'EQUALS', { matchValueString: 'acme' }],
    ['STRING_ARRAY', 'CONTAINS', { matchValueString: 'admins' }],
    ['STRING_ARRAY', 'CONTAINS_ANY', { matchValueStringList: ['a', 'b'] }],
  ])('accepts %s + %s', (type, op, value) =>
    expect(CustomClaimSchema.safeParse(claim(type, op, value)).success).toBe(true),
  );

  it.each([
    [
      'STRING',
      'CONTAINS',
      { matchValueString: 'x' },
      'authorizingClaimMatchValue.claimMatchOperator',
      /STRING claim takes the EQUALS/,
    ],
    [
      'STRING',
      'CONTAINS_ANY',
      { matchValueStringList: ['x'] },
      'authorizingClaimMatchValue.claimMatchOperator',
      /EQUALS/,
    ],
    [
      'STRING_ARRAY',
      'EQUALS',
      { matchValueString: 'x' },
      'authorizingClaimMatchValue.claimMatchOperator',
      /CONTAINS or CONTAINS_ANY/,
    ],
    [
      'STRING',
      'EQUALS',
      { matchValueStringList: ['x'] },
      'authorizingClaimMatchValue.claimMatchValue.matchValueStringList',
      /EQUALS compares with one value/,
    ],
    [
      'STRING_ARRAY',
      'CONTAINS',
      { matchValueStringList: ['x'] },
      'authorizingClaimMatchValue.claimMatchValue.matchValueStringList',
      /CONTAINS compares with one value/,
    ],
    [
      'STRING_ARRAY',
      'CONTAINS_ANY',
      { matchValueString: 'x' },
      'authorizingClaimMatchValue.claimMatchValue.matchValueString',
      /CONTAINS_ANY compares with a list/,
    ],
  ])('rejects %s + %s with %j at the right path', (type, op, value, path, message) => {
    const r = CustomClaimSchema.safeParse(claim(type, op, value));
    expect(paths(r)).toContain(path);
    expect(r.error?.issues.find((i) => i.path.join('.') === path)?.message).toMatch(message);
  });

  it('rejects both or neither value member, client_id, bad names and bad values', () => {
    expect(
      paths(
        CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', { matchValueString: 'a', matchValueStringList: ['b'] })),
      ),
    ).toContain('authorizingClaimMatchValue.claimMatchValue');
    expect(paths(CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', {})))).toContain(
      'authorizingClaimMatchValue.claimMatchValue',
    );
    expect(
      paths(CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', { matchValueString: 'a' }, 'client_id'))),
    ).toEqual(['inboundTokenClaimName']);
    expect(
      paths(CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', { matchValueString: 'a' }, 'bad name'))),
    ).toEqual(['inboundTokenClaimName']);
    expect(
      CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', { matchValueString: 'a' }, 'cognito:groups')).success,
    ).toBe(true);
    expect(paths(CustomClaimSchema.safeParse(claim('STRING', 'EQUALS', { matchValueString: 'a b' })))).toEqual([
      'authorizingClaimMatchValue.claimMatchValue.matchValueString',
    ]);
    expect(paths(CustomClaimSchema.safeParse(claim('STRING', 'LIKE', { matchValueString: 'a' })))).toEqual([
      'authorizingClaimMatchValue.claimMatchOperator',
    ]);
  });
});
