/** The registration errors of strategies and credential kinds: codes, texts from messages/registry.md, actions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAgentcoreError } from '@agentcore/schema';
import { defineOutboundStrategy, STRATEGY_CONTRACT_VERSION, type OutboundStrategy } from './contract.js';
import { defineCredentialKind, type CredentialKind } from './credential-kind.js';
import { registryMessages } from './local-only.js';
import { StrategyRegistry } from './registry.js';

function kind(extra: Partial<CredentialKind> = {}): CredentialKind {
  return defineCredentialKind({
    authorizerType: 'BasicCredentialProvider',
    cliName: 'basic',
    summary: 'basic — HTTP Basic username and password',
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: z.object({}).strict(),
    secretFields: [{ flag: 'password', envSuffix: '_PASSWORD' }],
    flags: [{ name: 'password', kind: 'string', summary: 'Password.', secret: true }],
    fromFlags: () => ({ ok: true, fields: {}, secrets: {} }),
    ...extra,
  });
}

function strategy(extra: Partial<OutboundStrategy> = {}): OutboundStrategy {
  return defineOutboundStrategy({
    type: 'BASIC',
    cliName: 'basic',
    direction: 'outbound',
    appliesTo: ['mcpServer'],
    summary: 'HTTP Basic',
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: z.object({ credentialName: z.string() }).strict(),
    fromFlags: () => ({ ok: true, config: { type: 'BASIC' } }),
    ...extra,
  } as OutboundStrategy);
}

function refusal(fn: () => void): { code: string; message: string; actions: readonly string[] } {
  try {
    fn();
  } catch (err) {
    if (isAgentcoreError(err)) return { code: err.code, message: err.message, actions: err.actions };
    throw err;
  }
  throw new Error('expected a refusal');
}

const uninstall = 'Update acme-basic, or uninstall it with `agentcore plugins uninstall acme-basic`.';

describe('registration errors', () => {
  it('a malformed strategy or kind: ERR_STRATEGY_INVALID naming the package and the broken field', () => {
    const s = refusal(() =>
      new StrategyRegistry().register(strategy({ cliName: 'Basic' }), { packageName: 'acme-basic' }),
    );
    expect(s).toEqual({
      code: 'ERR_STRATEGY_INVALID',
      message: 'acme-basic provides an invalid auth strategy: cliName must match /^[a-z][a-z0-9-]*$/',
      actions: [uninstall],
    });
    const k = refusal(() =>
      new StrategyRegistry().register(kind({ secretFields: [{ flag: 'pass', envSuffix: '_PASS' }] }), {
        packageName: 'acme-basic',
      }),
    );
    expect(k).toEqual({
      code: 'ERR_STRATEGY_INVALID',
      message: 'acme-basic provides an invalid credential kind: secret field pass has no flag of that name',
      actions: [uninstall],
    });
    const suffix = refusal(() =>
      new StrategyRegistry().register(kind({ secretFields: [{ flag: 'password', envSuffix: 'x' }] }), {
        packageName: 'acme-basic',
      }),
    );
    expect(suffix.message).toBe(
      'acme-basic provides an invalid credential kind: env suffix "x" must match /^(|_[A-Z][A-Z0-9_]*)$/',
    );
  });

  it('another contract version: ERR_STRATEGY_CONTRACT with the versions and what to install', () => {
    const next = STRATEGY_CONTRACT_VERSION + 1;
    for (const entry of [strategy({ contractVersion: next }), kind({ contractVersion: next })]) {
      expect(refusal(() => new StrategyRegistry().register(entry, { packageName: 'acme-basic' }))).toEqual({
        code: 'ERR_STRATEGY_CONTRACT',
        message: `acme-basic was built for strategy contract v${next}, but this agentcore uses v${STRATEGY_CONTRACT_VERSION}.`,
        actions: [`Install a version of acme-basic built for contract v${STRATEGY_CONTRACT_VERSION}.`],
      });
    }
  });

  it('a duplicate type or flag: coded, naming both packages, saying which to uninstall', () => {
    const registry = new StrategyRegistry().register(strategy(), { packageName: 'acme-basic' });
    expect(refusal(() => registry.register(strategy(), { packageName: 'other-basic' }))).toEqual({
      code: 'ERR_STRATEGY_DUPLICATE',
      message: 'Auth type BASIC is provided by both acme-basic and other-basic.',
      actions: ['Uninstall one of them: `agentcore plugins uninstall other-basic`.'],
    });
    expect(refusal(() => new StrategyRegistry().register(kind({ cliName: 'oauth' }), { packageName: 'acme' }))).toEqual(
      {
        code: 'ERR_STRATEGY_DUPLICATE',
        message: 'Credential kind BasicCredentialProvider is provided by both @agentcore/auth and acme.',
        actions: ['Uninstall one of them: `agentcore plugins uninstall acme`.'],
      },
    );
    const flag = refusal(() =>
      new StrategyRegistry().register(
        kind({
          flags: [{ name: 'client-id', kind: 'string', summary: 'x' }],
          secretFields: [{ flag: 'client-id', envSuffix: '_X' }],
        }),
        { packageName: 'acme' },
      ),
    );
    expect(flag).toEqual({
      code: 'ERR_FLAG_COLLISION',
      message: 'Flag --client-id of `add credential` is defined by both @agentcore/auth and acme.',
      actions: ['Uninstall one of them: `agentcore plugins uninstall acme`.'],
    });
  });

  it('every invalid.<rule> the registry names exists in messages/registry.md', () => {
    const sources = ['registry.ts', 'registry-credentials.ts'].map((f) =>
      readFileSync(new URL(`./${f}`, import.meta.url), 'utf8'),
    );
    const rules = sources.flatMap((s) => [...s.matchAll(/invalid\(source, '(\w+)'/g)].map((m) => m[1]));
    expect(rules.length).toBeGreaterThan(20);
    expect(rules.filter((r) => !registryMessages().has(`invalid.${r}`))).toEqual([]);
  });
});
