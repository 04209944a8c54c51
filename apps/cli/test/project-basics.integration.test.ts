import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, fileMode, snapshotProject, type Sandbox } from './helpers.js';

describe('create, add credential, add agent (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  beforeAll(async () => {
    sb = await createSandbox();
    const r = await sb.run(['create', '--name', 'Demo', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'Demo');
  });
  afterAll(() => sb.cleanup());

  it('creates the official layout with $schema and a .gitignore for secrets', async () => {
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    expect(config).toMatchObject({
      $schema: './agentcore.schema.json',
      name: 'Demo',
      version: 1,
      runtimes: [],
      credentials: [],
      agentCoreGateways: [],
    });
    const ignore = await readFile(join(root, 'agentcore', '.gitignore'), 'utf8');
    expect(ignore).toContain('.env.local');
    expect(ignore).toContain('.cli/*');
  });

  it('stores an api-key secret encrypted in a 0600 .env.local, never in output or config', async () => {
    const r = await sb.run(['add', 'credential', '--name', 'MyKey', '--type', 'API_KEY', '--api-key', '-', '--json'], {
      cwd: root,
      input: 'super-secret-value\n',
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json?.result).toMatchObject({ name: 'MyKey', envKeys: ['AGENTCORE_CREDENTIAL_MYKEY'] });
    const env = await readFile(join(root, 'agentcore', '.env.local'), 'utf8');
    expect(env).toMatch(/^AGENTCORE_CREDENTIAL_MYKEY="enc:v1:[A-Za-z0-9+/=]+"$/m);
    expect(await fileMode(join(root, 'agentcore', '.env.local'))).toBe(0o600);
    const all = r.stdout + r.stderr + (await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    expect(all).not.toContain('super-secret-value');
  });

  it('refuses a duplicate credential and leaves both files byte-identical', async () => {
    const before = await snapshotProject(root);
    const r = await sb.run(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'], {
      cwd: root,
      input: 'other',
    });
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_DUPLICATE');
    expect(r.json?.actions?.[0]).toMatch(/--force/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('adds a template agent with AWS_IAM written as absent', async () => {
    const r = await sb.run(['add', 'agent', '--name', 'Echo', '--template', 'node', '--json'], { cwd: root });
    expect(r.exitCode, r.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    const rt = config.runtimes.find((x: { name: string }) => x.name === 'Echo');
    expect(rt).toMatchObject({ name: 'Echo', entrypoint: 'main.js', codeLocation: 'app/Echo/', build: 'CodeZip' });
    expect(rt).not.toHaveProperty('authorizerType');
    expect(await readFile(join(root, 'app', 'Echo', 'main.js'), 'utf8')).toContain('/invocations');
  });

  it('rejects an auth type of the other direction, listing the inbound choices', async () => {
    const before = await snapshotProject(root);
    const r = await sb.run(
      ['add', 'agent', '--name', 'X', '--template', 'node', '--authorizer-type', 'api-key', '--json'],
      { cwd: root },
    );
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.details?.choices).toEqual(expect.arrayContaining(['AWS_IAM', 'custom-jwt']));
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('reports a usage error with exit code 2 for an unknown flag', async () => {
    const r = await sb.run(['add', 'credential', '--nope', '--json'], { cwd: root });
    expect(r.exitCode).toBe(2);
    expect(r.json?.code).toBe('ERR_USAGE');
  });

  it('fails outside a project with a coded error and an action', async () => {
    const r = await sb.run(['add', 'credential', '--name', 'K', '--type', 'api-key', '--api-key', '-', '--json'], {
      input: 'k',
    });
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_PROJECT_NOT_FOUND');
    expect(r.json?.actions?.[0]).toMatch(/agentcore create/);
  });
});
