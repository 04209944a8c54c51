import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createProjectModel } from './model.js';
import { ConfigValidationError } from './errors.js';
import { TARGET_TYPE_INFO, allowedOutboundAuth, creatableTargetTypes, targetTypeFromCli } from './target-types.js';
import type { InboundAuthVariant, OutboundAuthVariant } from './compose.js';
import { CredentialNameNoReservedSuffixSchema, type CredentialKindVariant } from './credential.js';

/** Fake strategy variants: the core must not know these types, only compose them. */
const FAKE_JWT: InboundAuthVariant = {
  type: 'CUSTOM_JWT',
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.strictObject({
    customJwtAuthorizer: z.strictObject({
      discoveryUrl: z.string(),
      allowedClients: z.optional(z.array(z.string())),
      allowedScopes: z.optional(z.array(z.string())),
    }),
  }),
};
const FAKE_API_KEY: OutboundAuthVariant = {
  type: 'API_KEY',
  appliesTo: ['mcpServer', 'openApiSchema', 'apiGateway'],
  fieldsSchema: z.strictObject({
    credentialName: z.string().check(z.minLength(1)),
    apiKey: z.optional(z.strictObject({ parameterName: z.optional(z.string()), prefix: z.optional(z.string()) })),
  }),
};
const HINTS = {
  CUSTOM_JWT: '@agentcore/auth-custom-jwt',
  API_KEY: '@agentcore/auth-apikey',
  OAUTH: '@agentcore/auth-oauth',
};
/** A fake API-key credential kind (the core does not know it, only composes it) whose secret sits under the bare prefix (so names must not end in a reserved suffix). */
const FAKE_KEY_KIND: CredentialKindVariant = {
  authorizerType: 'ApiKeyCredentialProvider',
  fieldsSchema: z.strictObject({}),
  nameSchema: CredentialNameNoReservedSuffixSchema,
};
const full = createProjectModel({
  inbound: [FAKE_JWT],
  outbound: [FAKE_API_KEY],
  credentialKinds: [FAKE_KEY_KIND],
  installHints: { ...HINTS, PluginKindProvider: '@acme/agentcore-kind' },
});
const bare = createProjectModel({ installHints: HINTS });

const base = { name: 'Demo', version: 1 };
const runtime = { name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/' };
const mcpTarget = { name: 't1', targetType: 'mcpServer', endpoint: 'https://api.example.com/mcp' };
const issuesOf = (model: typeof full, raw: unknown) => model.check(raw).issues;

describe('project model composition', () => {
  it('accepts a minimal project and defaults the arrays', () => {
    expect(full.parse(base).config).toEqual({ ...base, runtimes: [], credentials: [], agentCoreGateways: [] });
  });

  it('AWS_IAM is the default: absent authorizerType stays absent; explicit AWS_IAM is accepted', () => {
    const { config } = full.parse({
      ...base,
      runtimes: [runtime, { ...runtime, name: 'B', authorizerType: 'AWS_IAM' }],
    });
    expect(config.runtimes[0]).not.toHaveProperty('authorizerType');
    expect(config.runtimes[1]?.authorizerType).toBe('AWS_IAM');
  });

  it('forbids authorizerConfiguration for a type that takes none', () => {
    const issues = issuesOf(full, {
      ...base,
      runtimes: [{ ...runtime, authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: 'x' } } }],
    });
    expect(issues.map((i) => i.path)).toContain('runtimes.0.authorizerConfiguration');
    expect(issues.find((i) => i.path === 'runtimes.0.authorizerConfiguration')?.message).toBe(
      'authorizerConfiguration is not allowed with authorizerType AWS_IAM; remove it',
    );
  });

  it('validates a strategy variant with its own schema', () => {
    const ok = {
      ...runtime,
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: { discoveryUrl: 'https://x/.well-known/openid-configuration', allowedClients: ['c'] },
      },
    };
    expect(full.check({ ...base, runtimes: [ok] }).issues).toEqual([]);
    const bad = { ...ok, authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: 'u', nope: 1 } } };
    expect(issuesOf(full, { ...base, runtimes: [bad] })[0]?.path).toMatch(/^runtimes\.0\.authorizerConfiguration/);
  });

  it('an unknown inbound or outbound type names the plugin to install', () => {
    const inbound = issuesOf(bare, {
      ...base,
      runtimes: [{ ...runtime, authorizerType: 'CUSTOM_JWT', authorizerConfiguration: {} }],
    });
    expect(inbound[0]).toMatchObject({
      path: 'runtimes.0.authorizerType',
      action: 'Run `agentcore plugins install @agentcore/auth-custom-jwt`',
    });
    const outbound = issuesOf(bare, {
      ...base,
      agentCoreGateways: [
        { name: 'gw', targets: [{ ...mcpTarget, outboundAuth: { type: 'OAUTH', credentialName: 'c' } }] },
      ],
    });
    expect(outbound[0]?.action).toBe('Run `agentcore plugins install @agentcore/auth-oauth`');
    const unknown = issuesOf(bare, { ...base, runtimes: [{ ...runtime, authorizerType: 'MYSTERY' }] });
    expect(unknown[0]?.action).toBeUndefined();
    expect(unknown[0]?.message).toMatch(/AWS_IAM/);
  });

  it('throws ConfigValidationError with every issue and actions', () => {
    const err = (() => {
      try {
        full.parse({ ...base, name: '1bad', runtimes: [{ ...runtime, authorizerType: 'NOPE' }] }, 'agentcore.json');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigValidationError);
    const e = err as ConfigValidationError;
    expect(e.code).toBe('ERR_CONFIG_INVALID');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['name', 'runtimes.0.authorizerType']);
    expect(e.actions[0]).toBe('Fix the listed fields in agentcore.json, then run `agentcore validate`.');
  });

  it('reports duplicate names with dotted paths', () => {
    const issues = issuesOf(full, {
      ...base,
      runtimes: [runtime, runtime],
      credentials: [
        { authorizerType: 'ApiKeyCredentialProvider', name: 'k' },
        { authorizerType: 'ApiKeyCredentialProvider', name: 'k' },
      ],
      agentCoreGateways: [
        { name: 'gw', targets: [mcpTarget, mcpTarget] },
        { name: 'gw', targets: [] },
      ],
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'agentCoreGateways.0.targets.1.name',
      'agentCoreGateways.1.name',
      'credentials.1.name',
      'runtimes.1.name',
    ]);
  });

  it('rejects credential names that would end in a reserved .env suffix', () => {
    expect(
      issuesOf(full, {
        ...base,
        credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'my-client-id' }],
      })[0]?.path,
    ).toBe('credentials.0.name');
  });

  it('composes credentials from the registered kinds: unknown kinds name the plugin to install', () => {
    expect(
      issuesOf(full, { ...base, credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'k' }] }),
    ).toEqual([]);
    expect(
      issuesOf(full, { ...base, credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'k', extra: 1 }] })[0]
        ?.path,
    ).toBe('credentials.0');
    const missing = issuesOf(full, { ...base, credentials: [{ authorizerType: 'PluginKindProvider', name: 'k' }] });
    expect(missing[0]?.path).toBe('credentials.0.authorizerType');
    expect(missing[0]?.action).toBe('Run `agentcore plugins install @acme/agentcore-kind`');
    expect(issuesOf(full, { ...base, credentials: [{ authorizerType: 'Other', name: 'k' }] })[0]?.message).toBe(
      'authorizerType "Other" is not known. Installed types: ApiKeyCredentialProvider.',
    );
  });

  it('preserves official top-level keys it does not model, verbatim', () => {
    const memories = [{ name: 'm', anything: { nested: [1, 2] } }];
    const evaluators = [{ name: 'e' }];
    const { config } = full.parse({ ...base, memories, evaluators });
    expect(config).toMatchObject({ memories, evaluators });
    expect(issuesOf(full, { ...base, surprise: 1 })[0]?.path).toBe('');
  });

  it('keeps unknown runtime keys (official schema strips them), but targets and gateways are strict', () => {
    expect(full.parse({ ...base, runtimes: [{ ...runtime, futureField: 'x' }] }).config.runtimes[0]).toHaveProperty(
      'futureField',
      'x',
    );
    expect(
      issuesOf(full, { ...base, agentCoreGateways: [{ name: 'gw', targets: [{ ...mcpTarget, futureField: 1 }] }] }),
    ).toEqual([{ path: 'agentCoreGateways.0.targets.0', message: 'Unrecognized key: "futureField"' }]);
  });
});

describe('target-type table and outbound rules', () => {
  const gw = (target: Record<string, unknown>) => ({ ...base, agentCoreGateways: [{ name: 'gw', targets: [target] }] });

  it('maps every CLI spelling both ways, case-insensitively', () => {
    for (const { type, cli } of creatableTargetTypes()) {
      expect(targetTypeFromCli(cli)).toBe(type);
      expect(targetTypeFromCli(cli.toUpperCase().replace(/-/g, '_'))).toBe(type);
      expect(targetTypeFromCli(type)).toBe(type);
    }
    expect(creatableTargetTypes().map((t) => t.cli)).toEqual([
      'mcp-server',
      'open-api-schema',
      'smithy-model',
      'api-gateway',
      'lambda-function-arn',
    ]);
    expect(targetTypeFromCli('nope')).toBeUndefined();
  });

  it('joins accepted auth from the variants installed', () => {
    const variants = [{ type: 'NONE', appliesTo: ['mcpServer'] }, FAKE_API_KEY];
    expect(allowedOutboundAuth('mcpServer', variants)).toEqual(['NONE', 'API_KEY']);
    expect(allowedOutboundAuth('smithyModel', variants)).toEqual([]);
    expect(allowedOutboundAuth('lambdaFunctionArn', [{ type: 'NONE', appliesTo: ['lambdaFunctionArn'] }])).toEqual([]);
    expect(TARGET_TYPE_INFO.openApiSchema.authRequired).toBe(true);
  });

  it('applies structural requirements and forbidden fields per type', () => {
    expect(issuesOf(full, gw({ name: 't', targetType: 'mcpServer' }))[0]?.message).toMatch(
      /require endpoint or compute/,
    );
    expect(
      issuesOf(full, gw({ name: 't', targetType: 'apiGateway', endpoint: 'https://x' })).map((i) => i.path),
    ).toContain('agentCoreGateways.0.targets.0.endpoint');
    const arn = {
      name: 't',
      targetType: 'lambdaFunctionArn',
      lambdaFunctionArn: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', toolSchemaFile: 't.json' },
    };
    expect(full.check(gw(arn)).issues).toEqual([]);
    expect(issuesOf(full, gw({ ...arn, outboundAuth: { type: 'NONE' } })).map((i) => i.path)).toContain(
      'agentCoreGateways.0.targets.0.outboundAuth',
    );
  });

  it('enforces where outbound auth applies', () => {
    expect(full.check(gw({ ...mcpTarget, outboundAuth: { type: 'API_KEY', credentialName: 'k' } })).issues).toEqual([]);
    const smithy = { name: 't', targetType: 'smithyModel', schemaSource: { inline: { path: 'm.json' } } };
    expect(
      issuesOf(full, gw({ ...smithy, outboundAuth: { type: 'API_KEY', credentialName: 'k' } }))[0]?.message,
    ).toMatch(/do not support API_KEY/);
    const openApi = { name: 't', targetType: 'openApiSchema', schemaSource: { inline: { path: 'o.json' } } };
    expect(issuesOf(full, gw(openApi))[0]?.message).toMatch(/require outbound auth \(API_KEY\)/);
    expect(issuesOf(bare, gw(openApi))[0]?.message).toMatch(/none installed/);
  });
});

describe('legacy configs (before the official renames)', () => {
  it('reads agents[] as runtimes and credential type as authorizerType, with warnings', () => {
    const legacy = {
      ...base,
      agents: [{ ...runtime, type: 'AgentCoreRuntime', runtimeVersion: 'PYTHON_3_12', modelProvider: 'Bedrock' }],
      credentials: [{ type: 'ApiKeyCredentialProvider', name: 'k' }],
    };
    const { config, warnings } = full.parse(legacy);
    expect(config.runtimes).toEqual([{ ...runtime, runtimeVersion: 'PYTHON_3_12' }]);
    expect(config).not.toHaveProperty('agents');
    expect(config.credentials).toEqual([{ authorizerType: 'ApiKeyCredentialProvider', name: 'k' }]);
    expect(warnings).toHaveLength(2);
  });

  it('does not migrate when runtimes already exists', () => {
    expect(full.check({ ...base, runtimes: [], agents: [runtime] }).issues).toEqual([
      { path: '', message: 'Unrecognized key: "agents"' },
    ]);
  });
});

describe('JSON Schema of the composed model', () => {
  it('is draft-07 and lists the installed types', () => {
    const js = JSON.stringify(full.jsonSchema());
    expect(js).toContain('http://json-schema.org/draft-07/schema#');
    expect(js).toContain('CUSTOM_JWT');
    expect(js).toContain('API_KEY');
  });
});
