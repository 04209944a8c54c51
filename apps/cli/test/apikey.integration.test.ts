import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import type { ShowGatewayTargetResult } from '../src/operations/show-gateway-target.js';

interface Target {
  name: string;
  targetType: string;
  outboundAuth?: { type?: string; credentialName?: string; apiKey?: Record<string, string> };
}

describe('outbound API-key auth with placement (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[], input?: string) =>
    sb.run([...args, '--json'], { cwd: root, ...(input === undefined ? {} : { input }) });
  const addTarget = (name: string, extra: string[]) =>
    run(['add', 'gateway-target', '--gateway', 'my-gateway', '--name', name, ...extra]);
  const mcp = ['--type', 'mcp-server', '--endpoint', 'https://api.example.com/mcp'];
  const apiKey = ['--outbound-auth', 'api-key', '--credential-name', 'MyKey'];
  const target = async (name: string): Promise<Target | undefined> => {
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      agentCoreGateways: { targets: Target[] }[];
    };
    return config.agentCoreGateways.flatMap((g) => g.targets).find((t) => t.name === name);
  };

  beforeAll(async () => {
    sb = await createSandbox();
    const created = await sb.run(['create', '--name', 'Demo', '--json']);
    expect(created.exitCode, created.stderr).toBe(0);
    root = join(sb.dir, 'Demo');
    const cred = await run(
      ['add', 'credential', '--type', 'api-key', '--name', 'MyKey', '--api-key', '-'],
      'super-secret-key\n',
    );
    expect(cred.exitCode, cred.stderr).toBe(0);
    const oauth = await run(
      [
        'add',
        'credential',
        '--type',
        'oauth',
        '--name',
        'OAuthOne',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--client-id',
        'cid',
        '--client-secret',
        '-',
      ],
      'client-secret\n',
    );
    expect(oauth.exitCode, oauth.stderr).toBe(0);
    const gw = await run(['add', 'gateway', '--name', 'my-gateway']);
    expect(gw.exitCode, gw.stderr).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('the official CLI `Bearer` example writes parameterName and prefix, no location', async () => {
    const r = await run([
      'add',
      'gateway-target',
      '--type',
      'mcp-server',
      '--name',
      'secureTools',
      '--endpoint',
      'https://api.example.com/mcp',
      '--gateway',
      'my-gateway',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--api-key-location',
      'HEADER',
      '--api-key-parameter-name',
      'Authorization',
      '--api-key-prefix',
      'Bearer',
    ]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result).toMatchObject({ name: 'secureTools', outboundAuth: 'API_KEY' });
    expect((await target('secureTools'))?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
    });
  });

  it('gateway-target show previews the request with the key masked', async () => {
    const r = await run(['gateway-target', 'show', 'secureTools']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const result = r.json?.result as ShowGatewayTargetResult;
    expect(result).toMatchObject({
      gateway: 'my-gateway',
      targetType: 'mcpServer',
      targetTypeCli: 'mcp-server',
      source: 'https://api.example.com/mcp',
    });
    expect(result.outboundAuth).toMatchObject({
      type: 'API_KEY',
      credentialName: 'MyKey',
      plugin: '@agentcore/auth-apikey',
      preview: 'POST https://api.example.com/mcp  header Authorization: Bearer ****',
    });
    expect(r.stdout + r.stderr).not.toContain('super-secret-key');
    const missing = await run(['gateway-target', 'show', 'nope']);
    expect(missing.json?.code).toBe('ERR_NOT_FOUND');
    expect(missing.json?.actions?.[0]).toMatch(/my-gateway\/secureTools/);
  });

  it('defaults write no block; QUERY_PARAMETER + x-api-key writes only location', async () => {
    expect(
      (
        await addTarget('defaults', [
          ...mcp,
          ...apiKey,
          '--api-key-location',
          'HEADER',
          '--api-key-parameter-name',
          'x-api-key',
        ])
      ).exitCode,
    ).toBe(0);
    expect((await target('defaults'))?.outboundAuth).toEqual({ type: 'API_KEY', credentialName: 'MyKey' });
    expect(
      (
        await addTarget('query', [
          ...mcp,
          ...apiKey,
          '--api-key-location',
          'QUERY_PARAMETER',
          '--api-key-parameter-name',
          'x-api-key',
        ])
      ).exitCode,
    ).toBe(0);
    expect((await target('query'))?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER' },
    });
    const show = await run(['gateway-target', 'show', 'query', '--gateway', 'my-gateway']);
    expect((show.json?.result as ShowGatewayTargetResult).outboundAuth.preview).toBe(
      'POST https://api.example.com/mcp?x-api-key=****',
    );
  });

  it('works for open-api-schema and api-gateway targets', async () => {
    const openApi = await addTarget('openapi', [
      '--type',
      'open-api-schema',
      '--schema',
      's3://b/k.json',
      ...apiKey,
      '--api-key-location',
      'query_parameter',
      '--api-key-parameter-name',
      'api_key',
    ]);
    expect(openApi.exitCode, openApi.stdout).toBe(0);
    expect((await target('openapi'))?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
    });
    const apigw = await addTarget('apigw', [
      '--type',
      'api-gateway',
      '--rest-api-id',
      'abc123',
      '--stage',
      'prod',
      ...apiKey,
      '--api-key-prefix',
      'Token',
    ]);
    expect(apigw.exitCode, apigw.stdout).toBe(0);
    expect((await target('apigw'))?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { prefix: 'Token' },
    });
    const valid = await run(['validate']);
    expect(valid.exitCode, valid.stdout).toBe(0);
  });

  it('--api-key-value - creates the credential inline, encrypted, never echoed', async () => {
    const r = await run(
      [
        'add',
        'gateway-target',
        '--gateway',
        'my-gateway',
        '--name',
        'inline',
        ...mcp,
        '--outbound-auth',
        'api-key',
        '--credential-name',
        'InlineKey',
        '--api-key-value',
        '-',
      ],
      'inline-secret\n',
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toMatchObject({ credentialsCreated: ['InlineKey'] });
    const env = await readFile(join(root, 'agentcore', '.env.local'), 'utf8');
    expect(env).toMatch(/^AGENTCORE_CREDENTIAL_INLINEKEY="enc:v1:/m);
    expect(r.stdout + r.stderr + env).not.toContain('inline-secret');
  }, 30_000);

  it('AGENTCORE_API_KEY counts only when api-key is selected', async () => {
    const env = { AGENTCORE_API_KEY: 'env-secret-key' };
    const plain = await sb.run(
      ['add', 'gateway-target', '--gateway', 'my-gateway', '--name', 'plain', ...mcp, '--json'],
      { cwd: root, env },
    );
    expect(plain.exitCode, plain.stdout).toBe(0);
    expect((await target('plain'))?.outboundAuth).toBeUndefined();
    const fromEnv = await sb.run(
      [
        'add',
        'gateway-target',
        '--gateway',
        'my-gateway',
        '--name',
        'fromEnv',
        ...mcp,
        '--outbound-auth',
        'API_KEY',
        '--credential-name',
        'EnvKey',
        '--json',
      ],
      { cwd: root, env },
    );
    expect(fromEnv.exitCode, fromEnv.stdout).toBe(0);
    expect(fromEnv.json?.result).toMatchObject({ credentialsCreated: ['EnvKey'] });
    expect(fromEnv.stdout + fromEnv.stderr).not.toContain('env-secret-key');
  }, 30_000);

  describe('refusals leave the project byte-identical', () => {
    const PLACEMENT_RULES = /^Run `agentcore add gateway-target --help` for the API-key placement rules\.$/;
    const cases: { name: string; args: string[]; code: string; action: RegExp; flag?: string; input?: string }[] = [
      {
        name: 'placement with --outbound-auth none',
        args: [...mcp, '--outbound-auth', 'none', '--api-key-prefix', 'Bearer'],
        code: 'ERR_STRATEGY_FLAG_UNSELECTED',
        action: /^Add `--outbound-auth api-key`, or drop --api-key-prefix\./,
      },
      {
        name: 'placement with --outbound-auth gateway-iam-role',
        args: [...mcp, '--outbound-auth', 'gateway-iam-role', '--api-key-location', 'header'],
        code: 'ERR_STRATEGY_FLAG_UNSELECTED',
        action: /^Add `--outbound-auth api-key`, or drop --api-key-location\./,
      },
      {
        name: 'placement without --outbound-auth',
        args: [...mcp, '--api-key-parameter-name', 'Authorization'],
        code: 'ERR_STRATEGY_FLAG_UNSELECTED',
        action: /^Add `--outbound-auth api-key`, or drop --api-key-parameter-name\./,
      },
      {
        name: 'api-key on lambda-function-arn',
        args: [
          '--type',
          'lambda-function-arn',
          '--lambda-arn',
          'arn:aws:lambda:us-east-1:123456789012:function:f',
          '--tool-schema-file',
          's3://b/tools.json',
          ...apiKey,
          '--api-key-prefix',
          'Bearer',
        ],
        code: 'ERR_INVALID_INPUT',
        action: /^Drop --outbound-auth, --credential-name, --api-key-prefix\./,
      },
      {
        name: 'placement flags on smithy-model without --outbound-auth',
        args: ['--type', 'smithy-model', '--schema', 's3://b/m.json', '--api-key-location', 'header'],
        code: 'ERR_INVALID_INPUT',
        action: /^Drop --api-key-location; smithy-model targets take --outbound-auth none \| gateway-iam-role\./,
      },
      {
        name: 'api-key on smithy-model',
        args: ['--type', 'smithy-model', '--schema', 's3://b/m.json', ...apiKey, '--api-key-location', 'header'],
        code: 'ERR_INVALID_INPUT',
        action: /^Drop --outbound-auth, --credential-name, --api-key-location; smithy-model targets take/,
      },
      {
        name: 'a missing credential',
        args: [...mcp, '--outbound-auth', 'api-key', '--credential-name', 'Nope'],
        code: 'ERR_INVALID_INPUT',
        action: /^Create it with `agentcore add credential --type api-key --name Nope --api-key -`/,
        flag: 'credential-name',
      },
      {
        name: 'no --credential-name',
        args: [...mcp, '--outbound-auth', 'api-key'],
        code: 'ERR_INVALID_INPUT',
        action: /^Add --credential-name <name>; create the credential with `agentcore add credential/,
        flag: 'credential-name',
      },
      {
        name: 'an OAuth credential',
        args: [...mcp, '--outbound-auth', 'api-key', '--credential-name', 'OAuthOne'],
        code: 'ERR_INVALID_INPUT',
        action: /^Use an API-key credential \(`agentcore add credential --type api-key/,
        flag: 'credential-name',
      },
      {
        name: 'a 65-character parameter name',
        args: [...mcp, ...apiKey, '--api-key-parameter-name', 'x'.repeat(65)],
        code: 'ERR_INVALID_INPUT',
        action: PLACEMENT_RULES,
        flag: 'api-key-parameter-name',
      },
      {
        name: 'a 65-character prefix',
        args: [...mcp, ...apiKey, '--api-key-prefix', 'p'.repeat(65)],
        code: 'ERR_INVALID_INPUT',
        action: PLACEMENT_RULES,
        flag: 'api-key-prefix',
      },
      {
        name: 'CR/LF in the prefix',
        args: [...mcp, ...apiKey, '--api-key-prefix', 'Bearer\r\nX-Injected: 1'],
        code: 'ERR_INVALID_INPUT',
        action: PLACEMENT_RULES,
        flag: 'api-key-prefix',
      },
      {
        name: 'an invalid header token',
        args: [...mcp, ...apiKey, '--api-key-parameter-name', 'Bad Header:'],
        code: 'ERR_INVALID_INPUT',
        action: PLACEMENT_RULES,
        flag: 'api-key-parameter-name',
      },
      {
        name: 'an unknown location',
        args: [...mcp, ...apiKey, '--api-key-location', 'cookie'],
        code: 'ERR_INVALID_INPUT',
        action: /^Use one of: header, query_parameter$/,
      },
      {
        name: '--api-key-value for an existing credential',
        args: [...mcp, ...apiKey, '--api-key-value', '-'],
        code: 'ERR_INVALID_INPUT',
        action: /^Drop --api-key-value and unset AGENTCORE_API_KEY to use the existing credential/,
        flag: 'api-key-value',
        input: 'k',
      },
    ];
    it.each(cases)('$name → $code', async (c) => {
      const before = await snapshotProject(root);
      const r = await sb.run(
        ['add', 'gateway-target', '--gateway', 'my-gateway', '--name', 'refused', ...c.args, '--json'],
        { cwd: root, input: c.input ?? '' },
      );
      // A flag that needs another flag is a usage error (exit 2); an invalid value exits 1.
      expect(r.exitCode, r.stdout + r.stderr).toBe(c.code === 'ERR_STRATEGY_FLAG_UNSELECTED' ? 2 : 1);
      expect(r.json?.code, r.stdout + r.stderr).toBe(c.code);
      expect(r.json?.actions?.[0]).toMatch(c.action);
      if (c.flag)
        expect((r.json?.details?.problems as { flag?: string }[] | undefined)?.map((p) => p.flag)).toContain(c.flag);
      expect(r.stdout + r.stderr).not.toContain('super-secret-key');
      expect(await snapshotProject(root)).toEqual(before);
    });
  });
});
