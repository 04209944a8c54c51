/**
 * `add gateway-target` for every creatable target type, the outbound-auth table, and
 * case-insensitive values — on the built binary with --json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, snapshotProject, writeProjectFiles, type Sandbox } from './helpers.js';

interface Target {
  name: string;
  targetType: string;
  [field: string]: unknown;
}

describe('add gateway-target: every target type (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[], input?: string) =>
    sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}) });
  const targets = async (gateway = 'gw'): Promise<Target[]> => {
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    return config.agentCoreGateways.find((g: { name: string }) => g.name === gateway).targets;
  };
  const target = async (name: string) => (await targets()).find((t) => t.name === name);

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await writeProjectFiles(root, ['specs/api.json', 'tools.json', 'm.json']);
    const gw = await run(['add', 'gateway', '--name', 'gw']);
    expect(gw.exitCode, gw.stdout).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const ok: { type: string; args: string[]; expected: Record<string, unknown> }[] = [
    {
      type: 'mcp-server',
      args: ['--endpoint', 'https://mcp.example.com/mcp'],
      expected: { targetType: 'mcpServer', endpoint: 'https://mcp.example.com/mcp' },
    },
    {
      type: 'smithy-model',
      args: ['--schema', 's3://bucket/model.json'],
      expected: { targetType: 'smithyModel', schemaSource: { s3: { uri: 's3://bucket/model.json' } } },
    },
    {
      type: 'api-gateway',
      args: ['--rest-api-id', 'abc123', '--stage', 'prod', '--tool-filter', '/pets:GET+POST'],
      expected: {
        targetType: 'apiGateway',
        apiGateway: {
          restApiId: 'abc123',
          stage: 'prod',
          apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/pets', methods: ['GET', 'POST'] }] },
        },
      },
    },
  ];

  it.each(ok)(
    '$type with --outbound-auth none writes the target shape with no outboundAuth',
    async ({ type, args, expected }) => {
      const name = `t-${type}`;
      const r = await run([
        'add',
        'gateway-target',
        '--gateway',
        'gw',
        '--name',
        name,
        '--type',
        type,
        ...args,
        '--outbound-auth',
        'none',
      ]);
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.json?.result).toMatchObject({ name, gateway: 'gw', outboundAuth: 'NONE' });
      expect(await target(name)).toEqual({ name, ...expected });
    },
  );

  it('open-api-schema requires outbound auth: --outbound-auth none is a clear error naming what is allowed', async () => {
    const before = await snapshotProject(root);
    const r = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'openapi',
      '--type',
      'open-api-schema',
      '--schema',
      'specs/api.json',
      '--outbound-auth',
      'none',
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.details).toMatchObject({ targetType: 'openApiSchema' });
    expect(r.json?.actions?.[0]).toMatch(/--outbound-auth api-key/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('lambda-function-arn takes no --outbound-auth at all, and rejects --outbound-auth none', async () => {
    const before = await snapshotProject(root);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:tools';
    const bad = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'fn',
      '--type',
      'lambda-function-arn',
      '--lambda-arn',
      arn,
      '--tool-schema-file',
      'tools.json',
      '--outbound-auth',
      'none',
    ]);
    expect(bad.exitCode).toBe(1);
    expect(bad.json?.code).toBe('ERR_INVALID_INPUT');
    expect(bad.json?.details).toMatchObject({ targetType: 'lambdaFunctionArn', allowed: [] });
    expect(bad.json?.actions?.[0]).toMatch(/--outbound-auth/);
    expect(await snapshotProject(root)).toEqual(before);

    const good = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'fn',
      '--type',
      'lambda-function-arn',
      '--lambda-arn',
      arn,
      '--tool-schema-file',
      'tools.json',
    ]);
    expect(good.exitCode, good.stdout).toBe(0);
    expect(await target('fn')).toEqual({
      name: 'fn',
      targetType: 'lambdaFunctionArn',
      lambdaFunctionArn: { lambdaArn: arn, toolSchemaFile: 'tools.json' },
    });
  });

  it('the wrong auth for a type is a clear error naming the allowed ones', async () => {
    const before = await snapshotProject(root);
    const r = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'sm2',
      '--type',
      'smithy-model',
      '--schema',
      'm.json',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'K',
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.details).toMatchObject({ targetType: 'smithyModel', outboundAuth: 'API_KEY' });
    const allowed = (r.json?.details?.allowed ?? []) as string[];
    expect(allowed).toContain('NONE');
    expect(allowed).not.toContain('API_KEY');
    expect(r.json?.actions?.[0]).toMatch(/none/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it.each([
    ['MCP_SERVER', 'NONE', 'case-1'],
    ['Mcp-Server', 'none', 'case-2'],
    ['mcpServer', 'None', 'case-3'],
  ])('accepts --type %s --outbound-auth %s', async (type, auth, name) => {
    const r = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      name,
      '--type',
      type,
      '--endpoint',
      'https://c.example.com/mcp',
      '--outbound-auth',
      auth,
    ]);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(await target(name)).toEqual({ name, targetType: 'mcpServer', endpoint: 'https://c.example.com/mcp' });
  });

  it('accepts --authorizer-type aws_iam and NONE in any case for gateways', async () => {
    const iam = await run(['add', 'gateway', '--name', 'gw-iam', '--authorizer-type', 'aws_iam']);
    expect(iam.exitCode, iam.stdout).toBe(0);
    expect(iam.json?.result).toMatchObject({ authorizerType: 'AWS_IAM' });
    const none = await run(['add', 'gateway', '--name', 'gw-none', '--authorizer-type', 'None']);
    expect(none.exitCode, none.stdout).toBe(0);
    expect(none.json?.result).toMatchObject({ authorizerType: 'NONE' });
  });

  it('installed auth plugins are selectable (api-key outbound, custom-jwt inbound)', async () => {
    const cred = await run(
      ['add', 'credential', '--name', 'WeatherKey', '--type', 'api-key', '--api-key', '-'],
      'k-123',
    );
    expect(cred.exitCode, cred.stdout).toBe(0);
    const r = await run([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'keyed',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://k.example.com/mcp',
      '--outbound-auth',
      'API_KEY',
      '--credential-name',
      'WeatherKey',
    ]);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(await target('keyed')).toMatchObject({ outboundAuth: { type: 'API_KEY', credentialName: 'WeatherKey' } });
    const jwt = await run(['add', 'gateway', '--name', 'gw-jwt', '--authorizer-type', 'custom-jwt']);
    expect(jwt.json?.code).not.toBe('ERR_STRATEGY_NOT_INSTALLED');
    expect(jwt.json?.message).not.toMatch(/not an installed auth type/);
  });

  it('the project still validates after all of that', async () => {
    const r = await run(['validate']);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toMatchObject({ valid: true, counts: { gateways: 3, targets: 8 } });
  });
});
