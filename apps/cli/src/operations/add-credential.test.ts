import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCredentialKind, STRATEGY_CONTRACT_VERSION, StrategyRegistry } from '@agentcore/auth';
import { isAgentcoreError, type ProjectConfig } from '@agentcore/schema';
import { planCredential } from './add-credential.js';

const project: ProjectConfig = { name: 'P', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] };

const basic = defineCredentialKind({
  authorizerType: 'AcmeBasicCredentialProvider',
  cliName: 'acme-basic',
  summary: 'acme-basic',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  fieldsSchema: z.object({ realm: z.string().optional() }).strict(),
  secretFields: [
    { flag: 'username', envSuffix: '_USERNAME' },
    { flag: 'password', envSuffix: '_PASSWORD' },
  ],
  flags: [
    { name: 'username', kind: 'string', summary: 'User.' },
    { name: 'password', kind: 'string', summary: 'Password.', secret: true },
  ],
  fromFlags: (flags) =>
    typeof flags.username === 'string' && typeof flags.password === 'string'
      ? { ok: true, fields: { realm: 'acme' }, secrets: { username: flags.username, password: flags.password } }
      : { ok: false, problems: [{ flag: 'password', message: 'needs both', action: 'Pass both.' }] },
  localOnly: { reason: 'no provider' },
});

const registry = new StrategyRegistry().register(basic, { packageName: 'acme' });

function problemsOf(fn: () => unknown): { message: string; actions: string[] } {
  try {
    fn();
  } catch (err) {
    if (isAgentcoreError(err)) return { message: err.message, actions: err.actions };
    throw err;
  }
  throw new Error('expected a throw');
}

describe('planCredential (registry kinds)', () => {
  it("plans a plugin kind's fields and its secrets under the kind's env names", () => {
    const values = { username: 'alice', password: 'pw' };
    expect(planCredential(registry, project, { name: 'Basic', type: 'ACME_BASIC', values })).toEqual({
      credential: { authorizerType: 'AcmeBasicCredentialProvider', name: 'Basic', realm: 'acme' },
      secrets: { AGENTCORE_CREDENTIAL_BASIC_USERNAME: 'alice', AGENTCORE_CREDENTIAL_BASIC_PASSWORD: 'pw' },
    });
  });

  it('keeps the built-in API-key and OAuth names and values', () => {
    expect(planCredential(registry, project, { name: 'my-key', type: 'api-key', values: { 'api-key': 'k' } })).toEqual({
      credential: { authorizerType: 'ApiKeyCredentialProvider', name: 'my-key' },
      secrets: { AGENTCORE_CREDENTIAL_MY_KEY: 'k' },
    });
    const oauth = planCredential(registry, project, {
      name: 'Crm',
      type: 'oauth',
      values: {
        'discovery-url': 'https://idp.example.com/.well-known/openid-configuration',
        'client-id': 'id',
        'client-secret': 's',
        scopes: ['a,b', 'c'],
      },
    });
    expect(oauth).toEqual({
      credential: {
        authorizerType: 'OAuthCredentialProvider',
        name: 'Crm',
        discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
        scopes: ['a', 'b', 'c'],
        vendor: 'CustomOauth2',
        usage: 'outbound',
      },
      secrets: { AGENTCORE_CREDENTIAL_CRM_CLIENT_ID: 'id', AGENTCORE_CREDENTIAL_CRM_CLIENT_SECRET: 's' },
    });
  });

  it('names every installed kind for an unknown --type, and the kind of stray flags', () => {
    expect(problemsOf(() => planCredential(registry, project, { name: 'X', type: 'basic', values: {} })).message).toBe(
      '--type: --type must be api-key, oauth or acme-basic (got basic)',
    );
    const stray = problemsOf(() =>
      planCredential(registry, project, {
        name: 'K',
        type: 'api-key',
        values: { 'api-key': 'k', username: 'u', password: 'p' },
      }),
    );
    expect(stray.message).toBe('--username: --username and --password are for --type acme-basic');
  });

  it("reports the kind's own problems with their actions", () => {
    const p = problemsOf(() => planCredential(registry, project, { name: 'B', type: 'acme-basic', values: {} }));
    expect(p.message).toBe('--password: needs both');
    expect(p.actions[0]).toBe('Pass both.');
  });
});
