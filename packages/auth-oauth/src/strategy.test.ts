import { describe, expect, it } from 'vitest';
import { StrategyRegistry, type FlagContext } from '@agentcore/auth';
import type { ProjectConfig } from '@agentcore/schema';
import { fromOAuthAws, toOAuthCloudFormation } from './cloud.js';
import { OAuthStrategyError } from './errors.js';
import { oauthFromFlags, oauthPrompts } from './flags.js';
import { applyOAuth, describeOAuth, previewOAuth } from './request.js';
import { elideOAuthDefaults, parseScopes, type OAuthOutboundAuth } from './schema.js';
import { createOAuthStrategy, oauthStrategy } from './strategy.js';
import { resolveOAuthSecret } from './token.js';

const project = (credentials: ProjectConfig['credentials'] = []): ProjectConfig => ({
  name: 'P',
  version: 1,
  runtimes: [],
  credentials,
  agentCoreGateways: [],
});
const ctx = (credentials: ProjectConfig['credentials'] = []): FlagContext => ({
  command: 'add gateway-target',
  resourceName: 'Weather',
  targetType: 'mcpServer',
  project: project(credentials),
});
const oauthCred = {
  authorizerType: 'OAuthCredentialProvider' as const,
  name: 'Idp',
  discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
};

describe('oauthFromFlags', () => {
  it('references an existing OAuth credential, with scopes split on commas and deduplicated', () => {
    const r = oauthFromFlags(
      { 'credential-name': 'Idp', 'oauth-scopes': ['a:read,a:write', 'a:read'] },
      ctx([oauthCred]),
    );
    expect(r).toEqual({ ok: true, config: { type: 'OAUTH', credentialName: 'Idp', scopes: ['a:read', 'a:write'] } });
  });
  it('creates a credential inline (default name <target>-oauth) with client id and secret in .env.local keys', () => {
    const r = oauthFromFlags(
      { 'oauth-client-id': 'cid', 'oauth-client-secret': 's3cret', 'oauth-discovery-url': oauthCred.discoveryUrl },
      ctx(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual({ type: 'OAUTH', credentialName: 'Weather-oauth' });
    expect(r.credentials?.[0]?.credential).toEqual({
      authorizerType: 'OAuthCredentialProvider',
      name: 'Weather-oauth',
      discoveryUrl: oauthCred.discoveryUrl,
      vendor: 'CustomOauth2',
      usage: 'outbound',
    });
    expect(r.credentials?.[0]?.secrets).toEqual({
      AGENTCORE_CREDENTIAL_WEATHER_OAUTH_CLIENT_ID: 'cid',
      AGENTCORE_CREDENTIAL_WEATHER_OAUTH_CLIENT_SECRET: 's3cret',
    });
    expect(JSON.stringify(r.config)).not.toContain('s3cret');
  });
  it.each([
    [{}, [], 'credential-name'],
    [{ 'credential-name': 'Nope' }, [], 'credential-name'],
    [
      { 'credential-name': 'Key' },
      [{ authorizerType: 'ApiKeyCredentialProvider' as const, name: 'Key' }],
      'credential-name',
    ],
    [{ 'oauth-client-id': 'cid' }, [], 'oauth-client-secret'],
    [
      {
        'credential-name': 'Idp',
        'oauth-client-id': 'c',
        'oauth-client-secret': 's',
        'oauth-discovery-url': oauthCred.discoveryUrl,
      },
      [oauthCred],
      'credential-name',
    ],
    [
      { 'oauth-client-id': 'c', 'oauth-client-secret': 's', 'oauth-discovery-url': 'ftp://x' },
      [],
      'oauth-discovery-url',
    ],
    [{ 'credential-name': 'Idp', 'oauth-scopes': ['bad scope"'] }, [oauthCred], 'oauth-scopes'],
  ])('rejects %j with a problem on the right flag', (flags, credentials, flag) => {
    const r = oauthFromFlags(flags, ctx(credentials));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.flag)).toContain(flag);
    expect(r.problems.every((p) => p.action)).toBe(true);
  });
  it('asks for a new credential when none exists, and offers the existing ones otherwise', () => {
    expect(oauthPrompts(ctx()).map((p) => p.flag)).toEqual([
      'credential-name',
      'oauth-discovery-url',
      'oauth-client-id',
      'oauth-client-secret',
      'oauth-scopes',
    ]);
    const existing = oauthPrompts(ctx([oauthCred]));
    expect(existing[0]).toMatchObject({
      flag: 'credential-name',
      kind: 'select',
      options: [{ value: 'Idp', label: 'Idp' }],
    });
    expect(existing.find((p) => p.flag === 'oauth-scopes')?.validate?.('a b,c"')).toMatch(
      /^c": must be printable ASCII without spaces/,
    );
  });
});

describe('cloud shapes', () => {
  const config: OAuthOutboundAuth = { type: 'OAUTH', credentialName: 'Idp', scopes: ['a:read'] };
  const arn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/Idp';
  it('emits OauthCredentialProvider {ProviderArn, Scopes, GrantType}', () => {
    expect(toOAuthCloudFormation(config, { providerArn: arn })).toEqual({
      CredentialProviderType: 'OAUTH',
      CredentialProvider: {
        OauthCredentialProvider: { ProviderArn: arn, Scopes: ['a:read'], GrantType: 'CLIENT_CREDENTIALS' },
      },
    });
    expect(() => toOAuthCloudFormation(config, {})).toThrow(
      expect.objectContaining({ code: 'ERR_OAUTH_PROVIDER_ARN_MISSING' }),
    );
  });
  it('round-trips through the AWS response shape', () => {
    const aws = {
      credentialProviderType: 'OAUTH',
      credentialProvider: {
        oauthCredentialProvider: { providerArn: arn, scopes: ['a:read'], grantType: 'CLIENT_CREDENTIALS' },
      },
    };
    const named = { credentialNameForArn: (a: string) => (a === arn ? 'Idp' : undefined) };
    expect(fromOAuthAws(aws, named)).toEqual(config);
    expect(
      fromOAuthAws(
        { ...aws, credentialProvider: { oauthCredentialProvider: { providerArn: arn, scopes: [] } } },
        named,
      ),
    ).toEqual({ type: 'OAUTH', credentialName: 'Idp' });
    expect(fromOAuthAws({ credentialProviderType: 'API_KEY' }, named)).toBeUndefined();
    expect(() => fromOAuthAws(aws, { credentialNameForArn: () => undefined })).toThrow(
      expect.objectContaining({ code: 'ERR_OAUTH_PROVIDER_UNKNOWN' }),
    );
    expect(() => fromOAuthAws({ credentialProviderType: 'OAUTH', credentialProvider: {} }, named)).toThrow(
      expect.objectContaining({ code: 'ERR_OAUTH_AWS_SHAPE_INVALID' }),
    );
  });
});

describe('apply / preview / describe', () => {
  const config: OAuthOutboundAuth = { type: 'OAUTH', credentialName: 'Idp' };
  it('sets Authorization: Bearer <token>, replacing any other Authorization header, without mutating the input', () => {
    const req = {
      method: 'POST',
      url: 'https://t/mcp',
      headers: { authorization: 'Basic x', accept: 'application/json' },
    };
    expect(applyOAuth(req, config, { value: 'tok', credentialName: 'Idp' })).toEqual({
      method: 'POST',
      url: 'https://t/mcp',
      headers: { accept: 'application/json', Authorization: 'Bearer tok' },
    });
    expect(req.headers.authorization).toBe('Basic x');
  });
  it('refuses an empty or CR/LF token', () => {
    expect(() =>
      applyOAuth({ method: 'GET', url: 'https://t', headers: {} }, config, { value: 'a\r\nb', credentialName: 'Idp' }),
    ).toThrow(OAuthStrategyError);
  });
  it('never shows the token', () => {
    expect(previewOAuth(config, 'https://t/mcp')).toContain('Bearer ****');
    expect(describeOAuth({ ...config, scopes: ['x', 'y'] })).toContain('x y');
  });
});

describe('strategy object', () => {
  it('registers, composes into the project model, and its rule checks the credential kind', () => {
    const registry = new StrategyRegistry().register(oauthStrategy, { packageName: '@agentcore/auth-oauth' });
    const gateway = (outboundAuth: unknown) => ({
      name: 'gw',
      targets: [{ name: 't', targetType: 'mcpServer', endpoint: 'https://t/mcp', outboundAuth }],
    });
    const ok = registry.model().check({
      name: 'P',
      version: 1,
      runtimes: [],
      credentials: [oauthCred],
      agentCoreGateways: [gateway({ type: 'OAUTH', credentialName: 'Idp', scopes: ['s'] })],
    });
    expect(ok.issues).toEqual([]);
    const wrongKind = registry.model().check({
      name: 'P',
      version: 1,
      runtimes: [],
      credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'Idp' }],
      agentCoreGateways: [gateway({ type: 'OAUTH', credentialName: 'Idp' })],
    });
    expect(wrongKind.issues.map((i) => i.path)).toContain('agentCoreGateways.0.targets.0.outboundAuth.credentialName');
    const extra = registry.model().check({
      name: 'P',
      version: 1,
      runtimes: [],
      credentials: [oauthCred],
      agentCoreGateways: [gateway({ type: 'OAUTH', credentialName: 'Idp', bogus: 1 })],
    });
    expect(extra.issues).toEqual([
      { path: 'agentCoreGateways.0.targets.0.outboundAuth', message: 'Unrecognized key: "bogus"' },
    ]);
  });
  it('elides empty scopes and parses scope lists', () => {
    expect(elideOAuthDefaults({ type: 'OAUTH', credentialName: 'Idp', scopes: [] })).toEqual({
      type: 'OAUTH',
      credentialName: 'Idp',
    });
    expect(parseScopes(' a, b  c ')).toEqual(['a', 'b', 'c']);
    expect(createOAuthStrategy().telemetry?.(undefined)).toEqual({ oauth_scope_count: 0 });
  });
  it('resolveSecret names what is missing from .env.local without fetching anything', async () => {
    const secrets = { get: async () => undefined };
    await expect(
      resolveOAuthSecret({ type: 'OAUTH', credentialName: 'Idp' }, { credential: oauthCred, secrets }),
    ).rejects.toMatchObject({
      code: 'ERR_OAUTH_CREDENTIAL_INCOMPLETE',
      details: { missing: ['AGENTCORE_CREDENTIAL_IDP_CLIENT_ID', 'AGENTCORE_CREDENTIAL_IDP_CLIENT_SECRET'] },
    });
    await expect(
      resolveOAuthSecret(
        { type: 'OAUTH', credentialName: 'Key' },
        { credential: { authorizerType: 'ApiKeyCredentialProvider', name: 'Key' }, secrets },
      ),
    ).rejects.toMatchObject({ code: 'ERR_OAUTH_CREDENTIAL_WRONG_KIND' });
  });
});
