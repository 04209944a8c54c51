import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StrategyRegistry, type FlagContext, type FlagValues, type InputProblem } from '@agentcore/auth';
import { customJwtStrategy } from './strategy.js';
import type { CustomJwtAuthorizerConfig } from './schema.js';

const URL_OK = 'https://idp.example.com/.well-known/openid-configuration';
const ctx: FlagContext = {
  command: 'add agent',
  resourceName: 'A',
  project: {
    name: 'P',
    version: 1,
    runtimes: [],
    credentials: [],
    agentCoreGateways: [],
  } as unknown as FlagContext['project'],
};
const run = (values: FlagValues) => customJwtStrategy.fromFlags(values, ctx);
const problems = (values: FlagValues): InputProblem[] => {
  const r = run(values);
  if (r.ok) throw new Error('expected problems');
  return [...r.problems];
};
const claimsJson = JSON.stringify([
  {
    inboundTokenClaimName: 'tenant',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'acme' } },
  },
  {
    inboundTokenClaimName: 'groups',
    inboundTokenClaimValueType: 'STRING_ARRAY',
    authorizingClaimMatchValue: {
      claimMatchOperator: 'CONTAINS_ANY',
      claimMatchValue: { matchValueStringList: ['a', 'b'] },
    },
  },
]);

describe('the strategy object', () => {
  it('registers under the current contract with the JWT flags', () => {
    const registry = new StrategyRegistry().register(customJwtStrategy, { packageName: '@agentcore/auth-custom-jwt' });
    expect(registry.find('inbound', 'custom_jwt')?.strategy).toBe(customJwtStrategy);
    expect(customJwtStrategy.flags?.map((f) => f.name)).toEqual([
      'discovery-url',
      'allowed-audience',
      'allowed-clients',
      'allowed-scopes',
      'custom-claims',
      'custom-claims-file',
      'client-id',
      'client-secret',
    ]);
    expect(customJwtStrategy.flags?.find((f) => f.name === 'client-secret')).toMatchObject({
      secret: true,
      env: 'AGENTCORE_CLIENT_SECRET',
    });
  });
});

describe('fromFlags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cjwt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the block and the managed credential with both env names', () => {
    const r = run({
      'discovery-url': URL_OK,
      'allowed-clients': ['c1', 'c2'],
      'allowed-scopes': ['read'],
      'client-id': 'c1',
      'client-secret': 's3cret',
    });
    expect(r).toEqual({
      ok: true,
      config: { customJwtAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c1', 'c2'], allowedScopes: ['read'] } },
      credentials: [
        {
          credential: {
            authorizerType: 'OAuthCredentialProvider',
            name: 'A-oauth',
            discoveryUrl: URL_OK,
            vendor: 'CustomOauth2',
            managed: true,
            usage: 'inbound',
          },
          secrets: {
            AGENTCORE_CREDENTIAL_A_OAUTH_CLIENT_ID: 'c1',
            AGENTCORE_CREDENTIAL_A_OAUTH_CLIENT_SECRET: 's3cret',
          },
          onExisting: 'reuse',
        },
      ],
      warnings: [],
    });
  });
  it('takes claims inline or from a file, and comma-separated wizard answers', () => {
    const file = join(dir, 'claims.json');
    writeFileSync(file, claimsJson);
    const inline = run({ 'discovery-url': URL_OK, 'custom-claims': claimsJson });
    const fromFile = run({ 'discovery-url': URL_OK, 'custom-claims-file': file });
    expect(inline.ok && inline.config.customJwtAuthorizer.customClaims).toHaveLength(2);
    expect(fromFile).toEqual(inline);
    const wizard = run({ 'discovery-url': URL_OK, 'allowed-audience': 'a, b,' });
    expect(wizard.ok && wizard.config.customJwtAuthorizer.allowedAudience).toEqual(['a', 'b']);
  });
  it('warns when --client-id is not an allowed client', () => {
    const r = run({ 'discovery-url': URL_OK, 'allowed-clients': ['c1'], 'client-id': 'c9', 'client-secret': 's' });
    expect(r.ok && r.warnings?.length).toBe(1);
  });

  it.each<[string, FlagValues, string | undefined, RegExp]>([
    ['missing discovery URL', { 'allowed-clients': ['c1'] }, 'discovery-url', /required/],
    [
      'http outside loopback',
      { 'discovery-url': 'http://idp.example.com/.well-known/openid-configuration', 'allowed-clients': ['c1'] },
      'discovery-url',
      /https/,
    ],
    [
      'wrong suffix',
      { 'discovery-url': 'https://idp.example.com/oauth2/default', 'allowed-clients': ['c1'] },
      'discovery-url',
      /openid-configuration/,
    ],
    ['no constraint', { 'discovery-url': URL_OK }, undefined, /at least one of --allowed-audience/],
    ['bad claims JSON', { 'discovery-url': URL_OK, 'custom-claims': '[{' }, 'custom-claims', /not valid JSON/],
    ['claims not an array', { 'discovery-url': URL_OK, 'custom-claims': '{}' }, 'custom-claims', /JSON array/],
    [
      'empty claims array',
      { 'discovery-url': URL_OK, 'allowed-clients': ['c1'], 'custom-claims': '[]' },
      'custom-claims',
      /at least one/,
    ],
    [
      'invalid pairing, with index and field',
      {
        'discovery-url': URL_OK,
        'allowed-clients': ['c1'],
        'custom-claims': JSON.stringify([
          JSON.parse(claimsJson)[0],
          { ...JSON.parse(claimsJson)[0], inboundTokenClaimValueType: 'STRING_ARRAY' },
        ]),
      },
      'custom-claims',
      /index 1, authorizingClaimMatchValue\.claimMatchOperator: .*CONTAINS or CONTAINS_ANY/,
    ],
    [
      'claims inline and from a file',
      { 'discovery-url': URL_OK, 'custom-claims': claimsJson, 'custom-claims-file': 'x.json' },
      'custom-claims-file',
      /not both/,
    ],
    [
      'unreadable claims file',
      { 'discovery-url': URL_OK, 'custom-claims-file': '/nonexistent/claims.json' },
      'custom-claims-file',
      /cannot read .*ENOENT/,
    ],
    [
      'bad scope',
      { 'discovery-url': URL_OK, 'allowed-scopes': ['ok', 'has"quote'] },
      'allowed-scopes',
      /printable ASCII.*"has\\"quote"/,
    ],
    [
      'secret without id',
      { 'discovery-url': URL_OK, 'allowed-clients': ['c1'], 'client-secret': 's' },
      'client-secret',
      /needs --client-id/,
    ],
    [
      'id without secret',
      { 'discovery-url': URL_OK, 'allowed-clients': ['c1'], 'client-id': 'c1' },
      'client-id',
      /needs --client-secret/,
    ],
  ])('reports %s', (_name, values, flag, message) => {
    const list = problems(values);
    expect(list).toHaveLength(1);
    expect(list[0]?.flag).toBe(flag);
    expect(list[0]?.message).toMatch(message);
  });

  it('reports every misuse at once, each with its own problem', () => {
    const list = problems({ 'discovery-url': 'http://x.example/y', 'client-id': 'c1' });
    expect(list.map((p) => p.flag)).toEqual(['discovery-url', 'discovery-url', undefined, 'client-id']);
    expect(list.map((p) => Boolean(p.action))).toEqual([true, false, true, true]);
  });
});

describe('describe, telemetry, CloudFormation and import', () => {
  const full: CustomJwtAuthorizerConfig = {
    customJwtAuthorizer: {
      discoveryUrl: URL_OK,
      allowedAudience: ['api://x'],
      allowedClients: ['c1', 'c2'],
      allowedScopes: ['read'],
      customClaims: JSON.parse(claimsJson) as NonNullable<
        CustomJwtAuthorizerConfig['customJwtAuthorizer']['customClaims']
      >,
    },
  };
  it('describes in one secret-free line and reports only booleans and counts', () => {
    expect(customJwtStrategy.describe?.(full)).toBe(
      'CUSTOM_JWT audience=api://x clients=c1,c2 scopes=read claims=tenant,groups',
    );
    expect(customJwtStrategy.telemetry?.(full)).toEqual({
      jwt_audience_set: true,
      jwt_clients_set: true,
      jwt_scopes_set: true,
      jwt_custom_claims_count: 2,
    });
    expect(customJwtStrategy.telemetry?.(undefined)).toEqual({
      jwt_audience_set: false,
      jwt_clients_set: false,
      jwt_scopes_set: false,
      jwt_custom_claims_count: 0,
    });
  });
  it('emits CloudFormation with only the non-empty lists and the claim value member by operator', () => {
    const minimal = customJwtStrategy.toCloudFormation?.({
      customJwtAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c1'] },
    });
    expect(minimal).toEqual({ CustomJWTAuthorizer: { DiscoveryUrl: URL_OK, AllowedClients: ['c1'] } });
    const cfn = customJwtStrategy.toCloudFormation?.(full) as { CustomJWTAuthorizer: { CustomClaims: unknown[] } };
    expect(cfn.CustomJWTAuthorizer.CustomClaims).toEqual([
      {
        InboundTokenClaimName: 'tenant',
        InboundTokenClaimValueType: 'STRING',
        AuthorizingClaimMatchValue: { ClaimMatchOperator: 'EQUALS', ClaimMatchValue: { MatchValueString: 'acme' } },
      },
      {
        InboundTokenClaimName: 'groups',
        InboundTokenClaimValueType: 'STRING_ARRAY',
        AuthorizingClaimMatchValue: {
          ClaimMatchOperator: 'CONTAINS_ANY',
          ClaimMatchValue: { MatchValueStringList: ['a', 'b'] },
        },
      },
    ]);
  });
  it('round-trips config → CloudFormation → import, custom claims included', () => {
    const cfn = customJwtStrategy.toCloudFormation?.(full);
    expect(customJwtStrategy.fromAws?.(cfn)).toEqual(full);
  });
  it('imports the control-plane shape (customJWTAuthorizer), defaulting operator and value type, dropping empty lists', () => {
    const api = {
      customJWTAuthorizer: {
        discoveryUrl: URL_OK,
        allowedAudience: [],
        allowedClients: ['c1'],
        customClaims: [
          {
            inboundTokenClaimName: 'tenant',
            authorizingClaimMatchValue: { claimMatchValue: { matchValueString: 'acme' } },
          },
        ],
      },
    };
    const imported = customJwtStrategy.fromAws?.(api);
    expect(imported).toEqual({
      customJwtAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c1'], customClaims: [JSON.parse(claimsJson)[0]] },
    });
    expect(customJwtStrategy.configSchema.safeParse(imported).success).toBe(true);
  });
  it('refuses an AWS shape without a JWT authorizer, with a code and an action', () => {
    expect(() => customJwtStrategy.fromAws?.({ somethingElse: {} })).toThrow(
      expect.objectContaining({ code: 'ERR_CUSTOM_JWT_AWS_SHAPE_INVALID', actions: [expect.any(String)] }),
    );
  });
  it('offers wizard prompts that map to the same flags and validate with the same schemas', () => {
    const prompts = customJwtStrategy.prompts?.(ctx) ?? [];
    expect(prompts.map((p) => p.flag)).toEqual([
      'discovery-url',
      'allowed-clients',
      'allowed-audience',
      'allowed-scopes',
      'custom-claims',
      'client-id',
      'client-secret',
    ]);
    const byFlag = (f: string) => prompts.find((p) => p.flag === f);
    expect(byFlag('discovery-url')?.validate?.('http://idp.example.com/.well-known/openid-configuration')).toMatch(
      /https/,
    );
    expect(byFlag('discovery-url')?.validate?.(URL_OK)).toBeUndefined();
    expect(byFlag('allowed-scopes')?.validate?.('ok, bad scope')).toMatch(/bad scope/);
    expect(byFlag('custom-claims')?.validate?.(claimsJson)).toBeUndefined();
    expect(byFlag('custom-claims')?.validate?.('[{"inboundTokenClaimName":"client_id"}]')).toMatch(/index 0/);
    expect(byFlag('client-secret')?.when?.({ 'client-id': 'c1' })).toBe(true);
    expect(byFlag('client-secret')?.when?.({})).toBe(false);
  });
});
