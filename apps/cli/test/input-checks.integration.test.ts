/**
 * Input the official CLI refuses at add time is refused here too, before anything is written: empty flag values
 * (instead of silently taking the default), target files that do not exist, malformed Lambda ARNs, unknown
 * tool-filter methods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSandbox, snapshotProject, writeProjectFiles, type Sandbox } from './helpers.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:tools';

describe('add-time input checks (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[], input?: string) =>
    sb.run([...args, '--json'], { cwd: root, ...(input === undefined ? {} : { input }) });
  const target = (name: string, ...rest: string[]) => [
    'add',
    'gateway-target',
    '--gateway',
    'gw',
    '--name',
    name,
    ...rest,
  ];

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Checks', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Checks');
    await writeProjectFiles(root, ['specs/api.json', 'tools.json']);
    expect((await run(['add', 'gateway', '--name', 'gw'])).exitCode).toBe(0);
    expect((await run(['add', 'credential', '--name', 'K', '--type', 'api-key', '--api-key', '-'], 'k')).exitCode).toBe(
      0,
    );
  });
  afterAll(() => sb.cleanup());

  it.each([
    [
      'an empty --api-key-parameter-name',
      target('e1', '--type', 'mcp-server', '--endpoint', 'https://a.example/mcp', '--outbound-auth', 'api-key').concat([
        '--credential-name',
        'K',
        '--api-key-parameter-name',
        '',
      ]),
      'api-key-parameter-name',
    ],
    ['an empty --description', ['add', 'gateway', '--name', 'gw2', '--description', '  '], 'description'],
    [
      'a separators-only list',
      [
        'add',
        'gateway',
        '--name',
        'gw3',
        '--authorizer-type',
        'custom-jwt',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--allowed-clients',
        ',',
      ],
      'allowed-clients',
    ],
    ['an empty credential name', ['add', 'credential', '--name', '', '--type', 'api-key', '--api-key', 'x'], 'name'],
  ])('refuses %s, naming the flag', async (_what, args, flag) => {
    const before = await snapshotProject(root);
    const r = await run(args);
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.message).toContain(`--${flag}: the value is empty`);
    expect(r.json?.actions?.[0]).toBe(`Give --${flag} a value, or leave it out to use the default.`);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it.each([
    [
      'a missing --schema file',
      target(
        's1',
        '--type',
        'open-api-schema',
        '--schema',
        'specs/nope.json',
        '--outbound-auth',
        'api-key',
        '--credential-name',
        'K',
      ),
      '--schema specs/nope.json: no such file',
      'Create specs/nope.json first',
    ],
    [
      'a missing --tool-schema-file',
      target('l1', '--type', 'lambda-function-arn', '--lambda-arn', ARN, '--tool-schema-file', 'nope.json'),
      '--tool-schema-file nope.json: no such file',
      'Create nope.json first',
    ],
    [
      'a folder given as --schema',
      target('s2', '--type', 'smithy-model', '--schema', 'specs'),
      '--schema specs: no such file',
      'Create specs first',
    ],
    [
      'a malformed --lambda-arn',
      target(
        'l2',
        '--type',
        'lambda-function-arn',
        '--lambda-arn',
        'arn:aws:lambda:us-east-1:123:function:x',
        '--tool-schema-file',
        'tools.json',
      ),
      'is not a Lambda function ARN',
      'agentcore add gateway-target --help',
    ],
    [
      'an unknown --tool-filter method',
      target(
        'a1',
        '--type',
        'api-gateway',
        '--rest-api-id',
        'abc',
        '--stage',
        'prod',
        '--tool-filter',
        '/pets:GET+FETCH',
      ),
      'unknown method FETCH',
      'agentcore add gateway-target --help',
    ],
  ])('refuses %s at add time', async (_what, args, message, action) => {
    const before = await snapshotProject(root);
    const r = await run(args);
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.message).toContain(message);
    expect(r.json?.actions?.[0]).toContain(action);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('accepts what exists and is well formed (S3 schemas are not checked locally)', async () => {
    for (const args of [
      target(
        'ok1',
        '--type',
        'open-api-schema',
        '--schema',
        'specs/api.json',
        '--outbound-auth',
        'api-key',
        '--credential-name',
        'K',
      ),
      target('ok2', '--type', 'smithy-model', '--schema', 's3://bucket/model.json'),
      target('ok3', '--type', 'lambda-function-arn', '--lambda-arn', `${ARN}:live`, '--tool-schema-file', 'tools.json'),
      target(
        'ok4',
        '--type',
        'api-gateway',
        '--rest-api-id',
        'abc',
        '--stage',
        'prod',
        '--tool-filter',
        '/pets:get+post',
      ),
    ]) {
      const r = await run(args);
      expect(r.exitCode, `${args.join(' ')}\n${r.stdout}`).toBe(0);
    }
  });
});
