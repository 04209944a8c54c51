/** `agentcore status`: the same data as a table and as StatusResult JSON; never a secret value (built binary). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { StatusResult } from '../src/operations/status.js';
import { createSandbox, writeProjectFiles, type Sandbox } from './helpers.js';

describe('status (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;

  beforeAll(async () => {
    sb = await createSandbox();
    await sb.run(['create', '--name', 'Demo', '--json']);
    root = join(sb.dir, 'Demo');
    const add = async (args: string[], input?: string) => {
      const r = await sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}) });
      expect(r.exitCode, r.stdout).toBe(0);
    };
    await add(['add', 'agent', '--name', 'Echo', '--template', 'node']);
    await add(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'status-secret-value');
    await add(['add', 'gateway', '--name', 'gw', '--authorizer-type', 'aws_iam']);
    await add([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'w',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://w.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
    ]);
    // Human mode too: the same command without --json succeeds and prints a line, not JSON.
    await writeProjectFiles(root, ['model.json']);
    const human = await sb.run(
      ['add', 'gateway-target', '--gateway', 'gw', '--name', 's', '--type', 'smithy-model', '--schema', 'model.json'],
      { cwd: root },
    );
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.json).toBeUndefined();
  });
  afterAll(() => sb.cleanup());

  it('returns runtimes, gateways, targets and credentials structured', async () => {
    const r = await sb.run<StatusResult>(['status', '--json'], { cwd: root });
    expect(r.exitCode, r.stdout).toBe(0);
    const s = r.json?.result;
    expect(s?.project).toEqual({ name: 'Demo', root, configFile: join(root, 'agentcore', 'agentcore.json') });
    expect(s?.runtimes).toEqual([
      {
        name: 'Echo',
        protocol: 'HTTP',
        build: 'CodeZip',
        codeLocation: 'app/Echo/',
        codeLocationExists: true,
        inboundAuth: { type: 'AWS_IAM', description: 'AWS_IAM' },
      },
    ]);
    expect(s?.gateways).toEqual([
      { name: 'gw', inboundAuth: { type: 'AWS_IAM', description: 'AWS_IAM' }, targetCount: 2 },
    ]);
    expect(s?.targets.map((t) => [t.gateway, t.name, t.targetType, t.source, t.outboundAuth.type])).toEqual([
      ['gw', 'w', 'mcpServer', 'https://w.example.com/mcp', 'API_KEY'],
      ['gw', 's', 'smithyModel', 'model.json', 'NONE'],
    ]);
    const keyed = s?.targets[0]?.outboundAuth;
    expect(keyed).toMatchObject({ credentialName: 'MyKey', plugin: '@agentcore/auth-apikey' });
    expect(typeof keyed?.description).toBe('string');
    expect(s?.credentials).toEqual([
      {
        name: 'MyKey',
        kind: 'ApiKeyCredentialProvider',
        managed: false,
        secretsPresent: true,
        envKeys: [{ key: 'AGENTCORE_CREDENTIAL_MYKEY', present: true }],
      },
    ]);
    expect(r.stdout + r.stderr).not.toContain('status-secret-value');
  });

  it('prints a table without --json, with no secret values', async () => {
    const r = await sb.run(['status'], { cwd: root });
    expect(r.exitCode).toBe(0);
    for (const part of ['Echo', 'gw/w', 'gw/s', 'MyKey', 'https://w.example.com/mcp']) expect(r.stdout).toContain(part);
    expect(r.stdout + r.stderr).not.toContain('status-secret-value');
  });
});
