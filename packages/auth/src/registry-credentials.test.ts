import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAgentcoreError, type ProjectConfig } from '@agentcore/schema';
import { defineOutboundStrategy, STRATEGY_CONTRACT_VERSION } from './contract.js';
import { defineCredentialKind, type CredentialKind } from './credential-kind.js';
import { StrategyRegistry } from './registry.js';

function basicKind(extra: Partial<CredentialKind> = {}): CredentialKind {
  return defineCredentialKind({
    authorizerType: 'BasicCredentialProvider',
    cliName: 'basic',
    summary: 'basic — HTTP Basic username and password',
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: z.object({}).strict(),
    secretFields: [
      { flag: 'username', envSuffix: '_USERNAME' },
      { flag: 'password', envSuffix: '_PASSWORD' },
    ],
    flags: [
      { name: 'username', kind: 'string', summary: 'User name.' },
      { name: 'password', kind: 'string', summary: 'Password.', secret: true, env: 'BASIC_PASSWORD' },
    ],
    fromFlags: (flags) =>
      typeof flags.username === 'string' && typeof flags.password === 'string'
        ? { ok: true, fields: {}, secrets: { username: flags.username, password: flags.password } }
        : { ok: false, problems: [{ flag: 'password', message: 'both are needed' }] },
    localOnly: { reason: 'AgentCore Identity has no Basic provider.' },
    ...extra,
  });
}

const basicStrategy = defineOutboundStrategy({
  type: 'BASIC',
  cliName: 'basic',
  direction: 'outbound',
  appliesTo: ['mcpServer'],
  summary: 'HTTP Basic',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  fieldsSchema: z.object({ credentialName: z.string() }).strict(),
  credentialKind: 'BasicCredentialProvider',
  fromFlags: () => ({ ok: true, config: { type: 'BASIC' } }),
});

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

const project = (credentials: ProjectConfig['credentials']) => ({
  name: 'Demo',
  version: 1,
  credentials,
  agentCoreGateways: [
    {
      name: 'gw',
      targets: [
        {
          name: 't',
          targetType: 'mcpServer',
          endpoint: 'https://api.example.com/mcp',
          outboundAuth: { type: 'BASIC', credentialName: 'Creds' },
        },
      ],
    },
  ],
});

describe('credential kinds in the registry', () => {
  it('knows the built-in API-key and OAuth kinds with their official .env.local names', () => {
    const kinds = new StrategyRegistry().credentialKinds;
    expect(kinds.all().map((e) => e.kind.cliName)).toEqual(['api-key', 'oauth']);
    expect(kinds.envNames({ name: 'my-key', authorizerType: 'ApiKeyCredentialProvider' })).toEqual({
      'api-key': 'AGENTCORE_CREDENTIAL_MY_KEY',
    });
    expect(kinds.envNames({ name: 'Crm', authorizerType: 'OAuthCredentialProvider' })).toEqual({
      'client-id': 'AGENTCORE_CREDENTIAL_CRM_CLIENT_ID',
      'client-secret': 'AGENTCORE_CREDENTIAL_CRM_CLIENT_SECRET',
    });
    expect(kinds.find('API_KEY')?.kind.authorizerType).toBe('ApiKeyCredentialProvider');
  });

  it('takes a plugin kind from the same register() as strategies, with its env names', () => {
    const registry = new StrategyRegistry().register(basicKind(), { packageName: 'acme-basic' });
    expect(registry.credentialKinds.find('basic')?.source.packageName).toBe('acme-basic');
    expect(registry.credentialKinds.envNames({ name: 'Creds', authorizerType: 'BasicCredentialProvider' })).toEqual({
      username: 'AGENTCORE_CREDENTIAL_CREDS_USERNAME',
      password: 'AGENTCORE_CREDENTIAL_CREDS_PASSWORD',
    });
  });

  it('refuses a flag another kind owns, a core flag and a duplicate kind, coded', () => {
    const collide = thrown(() =>
      new StrategyRegistry().register(
        basicKind({
          flags: [{ name: 'api-key', kind: 'string', summary: 'x' }],
          secretFields: [{ flag: 'api-key', envSuffix: '_X' }],
        }),
        { packageName: 'acme-basic' },
      ),
    );
    expect(isAgentcoreError(collide) && collide.code).toBe('ERR_FLAG_COLLISION');
    const core = thrown(() =>
      new StrategyRegistry().register(basicKind({ flags: [{ name: 'name', kind: 'string', summary: 'x' }] }), {
        packageName: 'acme-basic',
      }),
    );
    expect(isAgentcoreError(core) && core.code).toBe('ERR_STRATEGY_INVALID');
    const dup = thrown(() => new StrategyRegistry().register(basicKind({ cliName: 'oauth' }), { packageName: 'acme' }));
    expect(isAgentcoreError(dup) && dup.code).toBe('ERR_STRATEGY_DUPLICATE');
  });

  it('enforces credentialKind once for every strategy: missing, wrong kind, right kind', () => {
    const model = new StrategyRegistry()
      .register(basicKind(), { packageName: 'acme-basic' })
      .register(basicStrategy, { packageName: 'acme-basic' })
      .model();
    expect(model.check(project([])).issues).toEqual([
      {
        path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName',
        message: 'BASIC outbound auth names credential Creds, which is not in credentials',
        action:
          'Add the credential with `agentcore add credential --type basic --name Creds --password - …`, or fix outboundAuth.credentialName.',
      },
    ]);
    const wrong = model.check(project([{ authorizerType: 'ApiKeyCredentialProvider', name: 'Creds' }])).issues;
    expect(wrong[0]?.message).toBe(
      'BASIC outbound auth names credential Creds, which is an ApiKeyCredentialProvider, not an BasicCredentialProvider',
    );
    expect(model.check(project([{ authorizerType: 'BasicCredentialProvider', name: 'Creds' }])).issues).toEqual([]);
  });

  it('refuses a local-only kind where AWS is the target, naming the kind, package and reason', () => {
    const registry = new StrategyRegistry().register(basicKind(), { packageName: 'acme-basic' });
    registry.credentialKinds.assertDeployable({ name: 'K', authorizerType: 'ApiKeyCredentialProvider' });
    const err = thrown(() =>
      registry.credentialKinds.assertDeployable({ name: 'Creds', authorizerType: 'BasicCredentialProvider' }),
    );
    expect(isAgentcoreError(err)).toBe(true);
    if (!isAgentcoreError(err)) return;
    expect(err.code).toBe('ERR_CREDENTIAL_LOCAL_ONLY');
    expect(err.message).toBe(
      'Credential Creds is of kind basic (acme-basic), which works only locally, with `agentcore dev`, and cannot be deployed to AgentCore: AgentCore Identity has no Basic provider.',
    );
    expect(err.actions[0]).toMatch(/^Keep basic credentials for local runs/);
  });
});
