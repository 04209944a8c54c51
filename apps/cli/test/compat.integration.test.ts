/**
 * The JSON our built CLI writes validates against both official agentcore.json JSON Schemas
 * (packages/schema/test-fixtures), after every step of a typical project setup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, writeProjectFiles, type Sandbox } from './helpers.js';
import { describeErrors, officialValidators } from '../../../packages/schema/test-fixtures/official-schemas.js';

const LAMBDA_TARGET = [
  'add',
  'gateway-target',
  '--gateway',
  'tools-gw',
  '--name',
  'fn',
  '--type',
  'lambda-function-arn',
  '--lambda-arn',
  'arn:aws:lambda:us-east-1:123456789012:function:tools',
  '--tool-schema-file',
  'tools.json',
];

const STEPS: { label: string; args: string[]; input?: string }[] = [
  { label: 'add agent --template node', args: ['add', 'agent', '--name', 'Echo', '--template', 'node'] },
  { label: 'add gateway', args: ['add', 'gateway', '--name', 'tools-gw'] },
  {
    label: 'add credential (api-key)',
    args: ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'],
    input: 'k3y',
  },
  {
    label: 'add credential (oauth)',
    args: [
      'add',
      'credential',
      '--name',
      'MyOauth',
      '--type',
      'oauth',
      '--discovery-url',
      'https://idp.example.com/.well-known/openid-configuration',
      '--client-id',
      'cid',
      '--client-secret',
      '-',
      '--scopes',
      'read,write',
    ],
    input: 's3cret',
  },
  {
    label: 'mcp-server target',
    args: [
      'add',
      'gateway-target',
      '--gateway',
      'tools-gw',
      '--name',
      'mcp',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://api.example.com/mcp',
      '--outbound-auth',
      'none',
    ],
  },
  {
    label: 'smithy-model target',
    args: [
      'add',
      'gateway-target',
      '--gateway',
      'tools-gw',
      '--name',
      'smithy',
      '--type',
      'smithy-model',
      '--schema',
      'models/weather.json',
      '--outbound-auth',
      'none',
    ],
  },
  {
    label: 'api-gateway target',
    args: [
      'add',
      'gateway-target',
      '--gateway',
      'tools-gw',
      '--name',
      'apigw',
      '--type',
      'api-gateway',
      '--rest-api-id',
      'abc123',
      '--stage',
      'prod',
      '--outbound-auth',
      'none',
    ],
  },
  // lambda-function-arn takes no --outbound-auth at all (the gateway uses its IAM role); see the refusal test below.
  { label: 'lambda-function-arn target', args: [...LAMBDA_TARGET] },
];

describe('configs written by the CLI validate against the official JSON Schemas', () => {
  const validators = officialValidators();
  let sb: Sandbox;
  let root: string;
  const config = async () =>
    JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as Record<string, unknown>;
  const expectOfficial = (json: unknown, step: string) => {
    for (const v of validators)
      expect(v.validate(json), `${step} → ${v.file}:\n${describeErrors(v.validate)}`).toBe(true);
  };

  beforeAll(async () => {
    sb = await createSandbox();
    const r = await sb.run(['create', '--name', 'Compat', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'Compat');
    await writeProjectFiles(root, ['models/weather.json', 'tools.json']);
  });
  afterAll(() => sb.cleanup());

  it('after create', async () => {
    expectOfficial(await config(), 'create');
  });

  it.each(STEPS.map((s) => [s.label, s] as const))('after %s', async (_label, step) => {
    const r = await sb.run([...step.args, '--json'], { cwd: root, input: step.input });
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);
    expectOfficial(await config(), step.label);
  });

  it('refuses --outbound-auth none on lambda-function-arn (like the official CLI) and writes nothing', async () => {
    const before = await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8');
    const r = await sb.run(
      [...LAMBDA_TARGET.map((a) => (a === 'fn' ? 'fn2' : a)), '--outbound-auth', 'none', '--json'],
      { cwd: root },
    );
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.actions?.[0]).toBe('Drop --outbound-auth and --credential-name.');
    expect(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')).toBe(before);
  });

  it('ends with every resource present', async () => {
    const c = await config();
    expect((c.runtimes as unknown[]).length).toBe(1);
    expect((c.credentials as { name: string }[]).map((x) => x.name).sort()).toEqual(['MyKey', 'MyOauth']);
    const gw = (c.agentCoreGateways as { targets: { targetType: string }[] }[])[0];
    expect(gw?.targets.map((t) => t.targetType)).toEqual([
      'mcpServer',
      'smithyModel',
      'apiGateway',
      'lambdaFunctionArn',
    ]);
  });
});
