/**
 * deploy/destroy through the built binary, failing before any AWS change: no confirmation without a terminal, no
 * credentials, no region, a Container runtime without an image, the project lock held by another command. Each
 * leaves agentcore.json, .env.local and deployed-state byte-identical. AWS is never reached: every credential
 * source is emptied and instance metadata is disabled.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope } from './deploy-helpers.js';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';

const D = 'https://idp.example.com/.well-known/openid-configuration';

describe('agentcore deploy: preflight failures (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  let awsEnv: NodeJS.ProcessEnv;
  const ok = async (args: string[], input?: string) => {
    const r = await sb.run(args, { cwd: root, input });
    expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  };
  const stateFile = () => join(root, 'agentcore', '.cli', 'deployed-state.json');
  const snapshot = async () => ({ ...(await snapshotProject(root)), state: readFileSync(stateFile(), 'utf8') });

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await ok(
      ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'],
      'sk-preflight-secret-1',
    );
    await ok([
      'add',
      'agent',
      '--name',
      'Agent',
      '--template',
      'python',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      D,
      '--allowed-clients',
      'c1',
      '--json',
    ]);
    mkdirSync(join(root, 'agentcore', '.cli'), { recursive: true });
    writeFileSync(stateFile(), '{\n  "targets": {}\n}\n');
    const aws = join(sb.dir, 'aws');
    mkdirSync(aws, { recursive: true });
    awsEnv = {
      AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
      AWS_CONFIG_FILE: join(aws, 'config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  });
  afterAll(() => sb.cleanup());

  it('without a terminal and without --yes: usage error, exit 2, nothing read from AWS', async () => {
    const before = await snapshot();
    const r = await sb.run(['deploy', '--json'], { cwd: root, env: { ...awsEnv, AWS_REGION: 'us-east-1' } });
    expect(r.exitCode).toBe(2);
    expect(envelope(r)?.code).toBe('ERR_USAGE');
    expect(envelope(r)?.actions?.[0]).toContain('--yes');
    expect(await snapshot()).toEqual(before);
    const d = await sb.run(['destroy', '--json'], { cwd: root, env: awsEnv });
    expect(d.exitCode).toBe(2);
    expect(envelope(d)?.actions?.[0]).toContain('--yes');
  });

  it('no region: ERR_DEPLOY_NO_REGION naming --region', async () => {
    const before = await snapshot();
    const r = await sb.run(['deploy', '--yes', '--json'], { cwd: root, env: awsEnv });
    expect(r.exitCode).toBe(1);
    expect(envelope(r)?.code).toBe('ERR_DEPLOY_NO_REGION');
    expect(envelope(r)?.actions?.[0]).toContain('--region');
    expect(await snapshot()).toEqual(before);
  });

  it('no credentials: ERR_DEPLOY_NO_CREDENTIALS, nothing changed, no secret in the output', async () => {
    const before = await snapshot();
    const r = await sb.run(['deploy', '--yes', '--json', '--region', 'us-east-1'], { cwd: root, env: awsEnv });
    expect(r.exitCode).toBe(1);
    expect(envelope(r)?.code).toBe('ERR_DEPLOY_NO_CREDENTIALS');
    expect(envelope(r)?.actions?.[0]).toContain('aws configure');
    expect(r.stdout + r.stderr).not.toContain('sk-preflight-secret-1');
    expect(await snapshot()).toEqual(before);
  });

  it('a second deploy while the project lock is held is refused at once', async () => {
    const lock = join(root, 'agentcore', '.cli', 'project.lock');
    writeFileSync(lock, String(process.pid)); // a live process owns it
    try {
      const before = await snapshot();
      const t0 = Date.now();
      const r = await sb.run(['deploy', '--yes', '--json', '--region', 'us-east-1'], { cwd: root, env: awsEnv });
      expect(envelope(r)?.code).toBe('ERR_LOCK_TIMEOUT');
      expect(r.exitCode).toBe(1);
      expect(envelope(r)?.actions?.[0]).toContain('Wait for the other command');
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(await snapshot()).toEqual(before);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(lock, { force: true });
    }
  });

  it('a Container runtime without --image-uri: ERR_DEPLOY_IMAGE_REQUIRED before AWS is asked', async () => {
    const config = JSON.parse(readFileSync(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    const original = JSON.stringify(config, null, 2) + '\n';
    config.runtimes[0].build = 'Container';
    writeFileSync(join(root, 'agentcore', 'agentcore.json'), JSON.stringify(config, null, 2) + '\n');
    try {
      const before = await snapshot();
      const r = await sb.run(['deploy', '--yes', '--json'], { cwd: root, env: awsEnv });
      expect(envelope(r)?.code).toBe('ERR_DEPLOY_IMAGE_REQUIRED');
      expect(envelope(r)?.actions?.[0]).toContain('--image-uri Agent=');
      expect(envelope(r)?.message).toContain('does not build images');
      expect(await snapshot()).toEqual(before);
      const bad = await sb.run(['deploy', '--yes', '--json', '--image-uri', 'Agent'], { cwd: root, env: awsEnv });
      expect(bad.exitCode).toBe(2);
      expect(envelope(bad)?.code).toBe('ERR_USAGE');
    } finally {
      writeFileSync(join(root, 'agentcore', 'agentcore.json'), original);
    }
  });

  it('destroy of a target never deployed: ERR_DEPLOY_NOT_DEPLOYED', async () => {
    const r = await sb.run(['destroy', '--yes', '--json'], { cwd: root, env: awsEnv });
    expect(envelope(r)?.code).toBe('ERR_DEPLOY_NOT_DEPLOYED');
    expect(envelope(r)?.actions?.[0]).toContain('agentcore deploy');
  });
});
