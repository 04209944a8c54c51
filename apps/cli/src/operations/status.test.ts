import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StrategyRegistry, STRATEGY_CONTRACT_VERSION, type Strategy } from '@agentcore/auth';
import type { ProjectConfig } from '@agentcore/schema';
import { buildStatus } from './status.js';

const inbound = {
  type: 'FAKE_JWT',
  cliName: 'fake-jwt',
  direction: 'inbound',
  summary: 'fake',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.object({ issuer: z.string() }),
  fromFlags: () => ({ ok: false, problems: [] }),
  describe: (c: { issuer: string }) => `JWT from ${c.issuer}`,
} as Strategy;
const outbound = {
  type: 'FAKE_KEY',
  cliName: 'fake-key',
  direction: 'outbound',
  summary: 'fake',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer'],
  fieldsSchema: z.object({ credentialName: z.string() }).strict(),
  fromFlags: () => ({ ok: false, problems: [] }),
  describe: (c: { credentialName: string }) => `key ${c.credentialName}`,
  preview: (_c: unknown, endpoint: string) => `GET ${endpoint}?k=****`,
} as Strategy;
const broken = {
  ...outbound,
  type: 'BROKEN',
  cliName: 'broken',
  describe: () => {
    throw new Error('boom');
  },
} as Strategy;

const config: ProjectConfig = {
  name: 'Demo',
  version: 1,
  runtimes: [
    { name: 'Iam', build: 'CodeZip', entrypoint: 'main.js', codeLocation: 'app/Iam/' },
    {
      name: 'Jwt',
      build: 'CodeZip',
      entrypoint: 'main.js',
      codeLocation: 'app/Jwt/',
      protocol: 'MCP',
      authorizerType: 'FAKE_JWT',
      authorizerConfiguration: { issuer: 'https://idp' },
    },
  ],
  credentials: [
    { authorizerType: 'ApiKeyCredentialProvider', name: 'K' },
    { authorizerType: 'OAuthCredentialProvider', name: 'Jwt-oauth', managed: true, usage: 'inbound' },
  ],
  agentCoreGateways: [
    {
      name: 'gw',
      targets: [
        {
          name: 'a',
          targetType: 'mcpServer',
          endpoint: 'https://a.example.com/mcp',
          outboundAuth: { type: 'FAKE_KEY', credentialName: 'K' },
        },
        { name: 'b', targetType: 'smithyModel', schemaSource: { s3: { uri: 's3://b/m.json' } } },
        {
          name: 'c',
          targetType: 'mcpServer',
          endpoint: 'https://c.example.com/mcp',
          outboundAuth: { type: 'BROKEN', credentialName: 'K' },
        },
      ],
    },
  ],
};

describe('buildStatus', () => {
  it('describes auth through strategies, falls back to built-in names, and reports secrets by presence only', () => {
    const registry = new StrategyRegistry().register(inbound).register(outbound).register(broken);
    const failures: string[] = [];
    const s = buildStatus(config, registry, {
      root: '/p',
      configFile: '/p/agentcore/agentcore.json',
      facts: { presentEnvKeys: new Set(['AGENTCORE_CREDENTIAL_K']), existingPaths: new Set(['app/Iam/']) },
      onStrategyError: (type) => failures.push(type),
    });
    expect(s.runtimes).toEqual([
      {
        name: 'Iam',
        protocol: 'HTTP',
        build: 'CodeZip',
        codeLocation: 'app/Iam/',
        codeLocationExists: true,
        inboundAuth: { type: 'AWS_IAM', description: 'AWS_IAM' },
      },
      {
        name: 'Jwt',
        protocol: 'MCP',
        build: 'CodeZip',
        codeLocation: 'app/Jwt/',
        codeLocationExists: false,
        inboundAuth: { type: 'FAKE_JWT', description: 'JWT from https://idp', plugin: '(library)' },
      },
    ]);
    expect(s.gateways).toEqual([{ name: 'gw', inboundAuth: { type: 'NONE', description: 'NONE' }, targetCount: 3 }]);
    expect(s.targets.map((t) => [t.name, t.source, t.outboundAuth])).toEqual([
      [
        'a',
        'https://a.example.com/mcp',
        {
          type: 'FAKE_KEY',
          description: 'key K',
          plugin: '(library)',
          credentialName: 'K',
          preview: 'GET https://a.example.com/mcp?k=****',
        },
      ],
      ['b', 's3://b/m.json', { type: 'NONE', description: 'GATEWAY_IAM_ROLE' }],
      [
        'c',
        'https://c.example.com/mcp',
        expect.objectContaining({ type: 'BROKEN', description: 'BROKEN', credentialName: 'K' }),
      ],
    ]);
    expect(failures).toEqual(['BROKEN']);
    expect(s.credentials).toEqual([
      {
        name: 'K',
        kind: 'ApiKeyCredentialProvider',
        managed: false,
        secretsPresent: true,
        envKeys: [{ key: 'AGENTCORE_CREDENTIAL_K', present: true }],
      },
      {
        name: 'Jwt-oauth',
        kind: 'OAuthCredentialProvider',
        managed: true,
        usage: 'inbound',
        secretsPresent: false,
        envKeys: [
          { key: 'AGENTCORE_CREDENTIAL_JWT_OAUTH_CLIENT_ID', present: false },
          { key: 'AGENTCORE_CREDENTIAL_JWT_OAUTH_CLIENT_SECRET', present: false },
        ],
      },
    ]);
  });
});
