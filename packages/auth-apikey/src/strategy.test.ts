import { describe, expect, it } from 'vitest';
import { StrategyRegistry } from '@agentcore/auth';
import type { FlagContext } from '@agentcore/auth';
import type { ProjectConfig } from '@agentcore/schema';
import { apiKeyStrategy, apiKeyTelemetry, elideApiKeyDefaults } from './strategy.js';

const project = (
  targets: unknown[],
  credentials: ProjectConfig['credentials'] = [{ authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' }],
) => ({
  name: 'Demo',
  version: 1,
  runtimes: [],
  credentials,
  agentCoreGateways: [{ name: 'gw', targets }],
});
const mcpTarget = (outboundAuth: unknown) => ({
  name: 't',
  targetType: 'mcpServer',
  endpoint: 'https://api.example.com/mcp',
  outboundAuth,
});

describe('registration and the composed model', () => {
  const registry = new StrategyRegistry().register(apiKeyStrategy, { packageName: '@agentcore/auth-apikey' });

  it('validates API_KEY on mcpServer with placement', () => {
    const r = registry.model().check(
      project([
        mcpTarget({
          type: 'API_KEY',
          credentialName: 'MyKey',
          apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
        }),
      ]),
    );
    expect(r.issues).toEqual([]);
  });
  it('reports CR/LF in the prefix and an invalid header token with paths', () => {
    const r = registry.model().check(
      project([
        mcpTarget({
          type: 'API_KEY',
          credentialName: 'MyKey',
          apiKey: { parameterName: 'Bad Name', prefix: 'a\r\nb' },
        }),
      ]),
    );
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      'agentCoreGateways.0.targets.0.outboundAuth.apiKey.parameterName',
      'agentCoreGateways.0.targets.0.outboundAuth.apiKey.prefix',
    ]);
  });
  it('rule: the credential must exist and be an ApiKeyCredentialProvider', () => {
    const missing = registry.model().check(project([mcpTarget({ type: 'API_KEY', credentialName: 'Nope' })]));
    expect(missing.issues).toEqual([
      expect.objectContaining({
        path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName',
        action: expect.stringMatching(/add credential/),
      }),
    ]);
    const wrong = registry
      .model()
      .check(
        project(
          [mcpTarget({ type: 'API_KEY', credentialName: 'OAuthOne' })],
          [{ authorizerType: 'OAuthCredentialProvider', name: 'OAuthOne' }],
        ),
      );
    expect(wrong.issues).toEqual([
      expect.objectContaining({ path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName' }),
    ]);
  });
  it('rejects API_KEY on smithyModel', () => {
    const r = registry.model().check(
      project([
        {
          name: 't',
          targetType: 'smithyModel',
          schemaSource: { s3: { uri: 's3://b/k.json' } },
          outboundAuth: { type: 'API_KEY', credentialName: 'MyKey' },
        },
      ]),
    );
    expect(r.issues.map((i) => i.path)).toEqual(['agentCoreGateways.0.targets.0.outboundAuth.type']);
  });
});

describe('without the plugin', () => {
  it('a config using API_KEY fails validation naming the plugin to install', () => {
    const registry = new StrategyRegistry({ installHints: { API_KEY: '@agentcore/auth-apikey' } });
    const r = registry.model().check(project([mcpTarget({ type: 'API_KEY', credentialName: 'MyKey' })]));
    expect(r.config).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({ action: 'Run `agentcore plugins install @agentcore/auth-apikey`' }),
    ]);
    expect(registry.installHint('api-key')).toBe('@agentcore/auth-apikey');
  });
});

describe('fromFlags', () => {
  const ctx = (
    credentials: ProjectConfig['credentials'] = [{ authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' }],
  ): FlagContext => ({
    command: 'add gateway-target',
    resourceName: 't',
    targetType: 'mcpServer',
    project: project([], credentials) as ProjectConfig,
  });
  const flags = (v: Record<string, string>) => ({ 'credential-name': 'MyKey', ...v });
  const problemFlags = (r: ReturnType<typeof apiKeyStrategy.fromFlags>) => (r.ok ? [] : r.problems.map((p) => p.flag));

  it('the official CLI `Bearer` example writes parameterName and prefix only', () => {
    const r = apiKeyStrategy.fromFlags(
      flags({ 'api-key-location': 'HEADER', 'api-key-parameter-name': 'Authorization', 'api-key-prefix': 'Bearer' }),
      ctx(),
    );
    expect(r).toEqual({
      ok: true,
      config: {
        type: 'API_KEY',
        credentialName: 'MyKey',
        apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
      },
    });
  });
  it('defaults write no block; QUERY_PARAMETER + x-api-key writes only location', () => {
    expect(
      apiKeyStrategy.fromFlags(flags({ 'api-key-location': 'header', 'api-key-parameter-name': 'x-api-key' }), ctx()),
    ).toEqual({ ok: true, config: { type: 'API_KEY', credentialName: 'MyKey' } });
    expect(
      apiKeyStrategy.fromFlags(
        flags({ 'api-key-location': 'query_parameter', 'api-key-parameter-name': 'x-api-key' }),
        ctx(),
      ),
    ).toEqual({
      ok: true,
      config: { type: 'API_KEY', credentialName: 'MyKey', apiKey: { location: 'QUERY_PARAMETER' } },
    });
  });
  it('treats empty answers (skipped wizard questions) as defaults', () => {
    expect(
      apiKeyStrategy.fromFlags(
        flags({ 'api-key-location': '', 'api-key-parameter-name': ' ', 'api-key-prefix': '' }),
        ctx(),
      ),
    ).toEqual({ ok: true, config: { type: 'API_KEY', credentialName: 'MyKey' } });
  });
  it('reports every bad value, each with an action', () => {
    const r = apiKeyStrategy.fromFlags(
      flags({ 'api-key-location': 'cookie', 'api-key-parameter-name': 'x'.repeat(65), 'api-key-prefix': 'a\nb' }),
      ctx(),
    );
    expect(problemFlags(r)).toEqual(['api-key-location', 'api-key-parameter-name', 'api-key-prefix']);
    expect(r.ok ? [] : r.problems.every((p) => p.action)).toBe(true);
    expect(problemFlags(apiKeyStrategy.fromFlags(flags({ 'api-key-parameter-name': 'Bad Header' }), ctx()))).toEqual([
      'api-key-parameter-name',
    ]);
  });
  it('needs an existing API-key credential', () => {
    expect(problemFlags(apiKeyStrategy.fromFlags({}, ctx()))).toEqual(['credential-name']);
    expect(problemFlags(apiKeyStrategy.fromFlags(flags({}), ctx([])))).toEqual(['credential-name']);
    expect(
      problemFlags(
        apiKeyStrategy.fromFlags(flags({}), ctx([{ authorizerType: 'OAuthCredentialProvider', name: 'MyKey' }])),
      ),
    ).toEqual(['credential-name']);
  });
  it('--api-key-value creates the credential inline, refusing an existing one', () => {
    const r = apiKeyStrategy.fromFlags(flags({ 'api-key-value': 'k' }), ctx([]));
    expect(r).toEqual({
      ok: true,
      config: { type: 'API_KEY', credentialName: 'MyKey' },
      credentials: [
        {
          credential: { authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' },
          secrets: { AGENTCORE_CREDENTIAL_MYKEY: 'k' },
          onExisting: 'error',
        },
      ],
    });
    expect(problemFlags(apiKeyStrategy.fromFlags(flags({ 'api-key-value': 'k' }), ctx()))).toEqual(['api-key-value']);
  });
  it('wizard prompts map to the same flags', () => {
    const prompts = apiKeyStrategy.prompts?.(ctx()) ?? [];
    expect(prompts.map((p) => p.flag)).toEqual([
      'credential-name',
      'api-key-location',
      'api-key-parameter-name',
      'api-key-parameter-name',
      'api-key-prefix',
    ]);
    const [header, query] = prompts.filter((p) => p.flag === 'api-key-parameter-name');
    expect(header?.when?.({ 'api-key-location': 'header' })).toBe(true);
    expect(header?.validate?.('a&b')).toBeUndefined();
    expect(query?.validate?.('a&b')).toBeTypeOf('string');
    expect(prompts.find((p) => p.flag === 'api-key-prefix')?.validate?.('a\rb')).toBeTypeOf('string');
    expect((apiKeyStrategy.prompts?.(ctx([])) ?? []).map((p) => p.flag).slice(0, 2)).toEqual([
      'credential-name',
      'api-key-value',
    ]);
  });

  it('prompt messages are the question alone: the wizard shows "(optional)" and the default itself', () => {
    const prompts = [...(apiKeyStrategy.prompts?.(ctx()) ?? []), ...(apiKeyStrategy.prompts?.(ctx([])) ?? [])];
    const location = prompts.find((p) => p.flag === 'api-key-location');
    expect(location).toMatchObject({ optional: true, initial: 'header' });
    expect(location?.message).toBe('Where does the target expect the key?');
    expect(prompts.filter((p) => /\(optional\)|\(skip\b|\(default\b/i.test(p.message)).map((p) => p.flag)).toEqual([]);
  });
});

describe('elideDefaults and telemetry', () => {
  it('drops defaults', () => {
    expect(
      elideApiKeyDefaults({
        type: 'API_KEY',
        credentialName: 'K',
        apiKey: { location: 'HEADER', parameterName: 'x-api-key' },
      }),
    ).toEqual({ type: 'API_KEY', credentialName: 'K' });
    expect(
      elideApiKeyDefaults({
        type: 'API_KEY',
        credentialName: 'K',
        apiKey: { location: 'QUERY_PARAMETER', parameterName: 'x-api-key' },
      }),
    ).toEqual({ type: 'API_KEY', credentialName: 'K', apiKey: { location: 'QUERY_PARAMETER' } });
  });
  it('reports only safe values', () => {
    expect(apiKeyTelemetry(undefined)).toEqual({ api_key_placement_customized: false, api_key_location: 'none' });
    expect(apiKeyTelemetry({ type: 'API_KEY', credentialName: 'K' })).toEqual({
      api_key_placement_customized: false,
      api_key_location: 'header',
    });
    expect(
      apiKeyTelemetry({
        type: 'API_KEY',
        credentialName: 'K',
        apiKey: { location: 'QUERY_PARAMETER', parameterName: 'secret_name' },
      }),
    ).toEqual({ api_key_placement_customized: true, api_key_location: 'query_parameter' });
  });
});
