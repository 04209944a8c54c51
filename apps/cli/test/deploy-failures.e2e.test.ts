/**
 * deploy's failure paths through the built CLI against the AWS stand-in's fault injection: expired credentials,
 * AccessDenied on one action, a resource that fails to create (rollback reason shown; the next deploy continues),
 * and a concurrent second deploy refused by the project lock. Each failure exits non-zero with a coded error and
 * an action, and leaves agentcore.json, .env.local and deployed state byte-identical.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKeyedGateway, envelope, splitDeployOutput, standInEnv } from './deploy-helpers.js';
import { BIN, createSandbox, snapshotProject, type Sandbox } from './helpers.js';

const API_KEY = 'sk-failures-key-93b1c0';

async function project(sb: Sandbox): Promise<string> {
  expect((await sb.run(['create', '--name', 'Fail', '--json'])).exitCode).toBe(0);
  const root = join(sb.dir, 'Fail');
  const run = async (args: string[], input?: string) =>
    expect((await sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}) })).exitCode).toBe(0);
  await run(['add', 'agent', '--name', 'A', '--template', 'node']);
  await addKeyedGateway(run, API_KEY);
  return root;
}

describe('agentcore deploy failure paths (built CLI, AWS stand-in)', () => {
  let sb: Sandbox;
  let root: string;
  let aws: AwsStandIn;
  const stateFile = () => join(root, 'agentcore', '.cli', 'deployed-state.json');
  const snapshot = async () => ({
    ...(await snapshotProject(root)),
    state: existsSync(stateFile()) ? readFileSync(stateFile(), 'utf8') : undefined,
  });
  const deploy = (accessKeyId?: string) =>
    sb.run(['deploy', '--yes', '--json'], { cwd: root, env: standInEnv(sb, aws, accessKeyId), timeoutMs: 120_000 });

  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 5, s3: true });
    sb = await createSandbox();
    root = await project(sb);
  }, 120_000);
  afterAll(async () => {
    await aws?.close();
    await sb?.cleanup();
  });

  it('expired credentials: ERR_DEPLOY_CREDENTIALS_EXPIRED before any change', async () => {
    aws.setFault({ kind: 'expired-token', accessKeyId: 'AKIDEXPIRED' });
    const before = await snapshot();
    const n = aws.requests().length;
    const r = await deploy('AKIDEXPIRED');
    expect(r.exitCode).toBe(1);
    expect(envelope(r).code).toBe('ERR_DEPLOY_CREDENTIALS_EXPIRED');
    expect(envelope(r).actions?.[0]).toContain('aws sso login');
    expect(
      aws
        .requests()
        .slice(n)
        .filter((c) => c.mutating),
    ).toEqual([]);
    expect(await snapshot()).toEqual(before);
    aws.clearFaults();
  }, 120_000);

  it('AccessDenied on one action: ERR_DEPLOY_ACCESS_DENIED naming it, deployed state untouched', async () => {
    aws.setFault({ kind: 'access-denied', action: 'cloudformation:CreateChangeSet' });
    const before = await snapshot();
    const r = await deploy();
    const e = envelope(r);
    expect(r.exitCode).toBe(1);
    expect(e.code).toBe('ERR_DEPLOY_ACCESS_DENIED');
    expect(e.details?.action).toBe('cloudformation:CreateChangeSet');
    expect(e.actions?.[0]).toContain('Grant cloudformation:CreateChangeSet');
    expect(r.stdout + r.stderr).not.toContain(API_KEY);
    expect(await snapshot()).toEqual(before);
    aws.clearFaults();
  }, 120_000);

  it('a resource that fails to create: its reason and the rollback outcome; the next deploy continues', async () => {
    aws.setFault({ kind: 'resource-failure', logicalId: 'RuntimeA', reason: 'Injected: the runtime could not start' });
    const before = await snapshot();
    const r = await deploy();
    const e = envelope(r);
    expect(r.exitCode).toBe(1);
    expect(e.code).toBe('ERR_DEPLOY_STACK_FAILED');
    expect(e.message).toContain('RuntimeA: Injected: the runtime could not start');
    expect(e.message).toContain('ROLLBACK_COMPLETE');
    expect(e.actions?.[0]).toContain('deployed state was not changed');
    expect(await snapshot()).toEqual(before);

    aws.clearFaults();
    const again = await deploy();
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect((splitDeployOutput(again.stdout).envelope.result as { status: string }).status).toBe('deployed');
    const live = aws.stacks().filter((s) => s.status !== 'DELETE_COMPLETE');
    expect(live.map((s) => s.status)).toEqual(['CREATE_COMPLETE']);
    expect(JSON.parse(readFileSync(stateFile(), 'utf8')).targets.default.resources.runtimes.A.runtimeArn).toMatch(
      /runtime\/Fail_A-/,
    );
    expect(aws.violations()).toEqual([]);
  }, 180_000);

  it('a changed API key updates its provider and says so; the template does not change', async () => {
    const put = await sb.run(
      ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--force', '--json'],
      { cwd: root, input: 'sk-failures-key-rotated' },
    );
    expect(put.exitCode, put.stdout + put.stderr).toBe(0);
    const n = aws.requests().length;
    const r = await deploy();
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const result = splitDeployOutput(r.stdout).envelope.result as {
      status: string;
      providersChanged: string[];
      review: { auth: string[] };
    };
    expect(result.providersChanged).toEqual(['MyKey']);
    expect(result.review.auth).toContain('credential MyKey: key value changes');
    expect(aws.providers().apiKey[0]?.apiKey).toBe('sk-failures-key-rotated');
    const ops = aws
      .requests()
      .slice(n)
      .filter((c) => c.mutating)
      .map((c) => c.operation);
    expect(ops).toContain('UpdateApiKeyCredentialProvider');
    expect(ops).not.toContain('ExecuteChangeSet');
    expect(r.stdout + r.stderr).not.toContain('sk-failures-key-rotated');
  }, 120_000);
});

/** Spawn `agentcore deploy --yes --json`; `started` resolves when its output first contains `signal`. */
function spawnDeploy(root: string, env: NodeJS.ProcessEnv, signal = '"step":"execute"') {
  const child = spawn(process.execPath, [BIN, 'deploy', '--yes', '--json'], { cwd: root, env });
  let out = '';
  let exited = false;
  const done = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => {
      exited = true;
      resolve(code ?? (signal ? 128 : -1));
    }),
  );
  const started = new Promise<number>((resolve) =>
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(signal)) resolve(Date.now());
    }),
  );
  return { child, done, started, exited: () => exited, output: () => out };
}

describe('long-running deploys (built CLI, AWS stand-in with 2 s stack steps)', () => {
  let sb: Sandbox;
  let root: string;
  let aws: AwsStandIn;

  beforeAll(async () => {
    // Slow stack steps: a deploy's stack operation takes tens of seconds, as on AWS.
    aws = await startAwsStandIn({ progressDelayMs: 2000, s3: true });
    sb = await createSandbox();
    root = await project(sb);
  }, 120_000);
  afterAll(async () => {
    await aws?.close();
    await sb?.cleanup();
  });

  it('a second deploy is refused by the project lock while the first runs; the first finishes', async () => {
    // A live owner's lock is never taken over (the lock's own tests cover its refresh and stale rules).
    const first = spawnDeploy(root, { ...sb.env, ...standInEnv(sb, aws) });
    await first.started;
    expect(first.exited()).toBe(false);
    const before = await snapshotProject(root);
    const second = await sb.run(['deploy', '--yes', '--json'], { cwd: root, env: standInEnv(sb, aws) });
    expect(first.exited()).toBe(false);
    expect(second.exitCode).toBe(1);
    expect(envelope(second).code).toBe('ERR_LOCK_TIMEOUT');
    expect(envelope(second).actions?.[0]).toContain('Wait for the other command');
    expect(await snapshotProject(root)).toEqual(before);
    expect(await first.done).toBe(0);
    expect(existsSync(join(root, 'agentcore', '.cli', 'deployed-state.json'))).toBe(true);
  }, 240_000);

  it('Ctrl-C during the wait: the stack keeps going, the next deploy follows it to its end and records it', async () => {
    writeFileSync(join(root, 'app', 'A', 'extra.js'), 'export const changed = true;\n');
    const stateBefore = readFileSync(join(root, 'agentcore', '.cli', 'deployed-state.json'), 'utf8');
    // the first stack event: ExecuteChangeSet has been answered, CloudFormation is updating
    const first = spawnDeploy(root, { ...sb.env, ...standInEnv(sb, aws) }, '"event":"stack"');
    await first.started;
    first.child.kill('SIGINT');
    expect(await first.done).not.toBe(0);
    expect(readFileSync(join(root, 'agentcore', '.cli', 'deployed-state.json'), 'utf8')).toBe(stateBefore);
    expect(aws.stacks().find((s) => s.status !== 'DELETE_COMPLETE')?.status).toMatch(/_IN_PROGRESS$/);

    const next = await sb.run(['deploy', '--yes', '--json'], {
      cwd: root,
      env: standInEnv(sb, aws),
      timeoutMs: 200_000,
    });
    expect(next.exitCode, next.stdout + next.stderr).toBe(0);
    const { events, envelope: env } = splitDeployOutput(next.stdout);
    expect(events.some((e) => e.event === 'notice' && String(e.message).includes('following it to its end'))).toBe(
      true,
    );
    expect((env.result as { status: string }).status).toBe('deployed');
    expect(aws.stacks().find((s) => s.status !== 'DELETE_COMPLETE')?.status).toBe('UPDATE_COMPLETE');
    expect(readFileSync(join(root, 'agentcore', '.cli', 'deployed-state.json'), 'utf8')).not.toBe(stateBefore);
    const again = await sb.run(['deploy', '--yes', '--json'], { cwd: root, env: standInEnv(sb, aws) });
    expect((splitDeployOutput(again.stdout).envelope.result as { status: string }).status).toBe('unchanged');
  }, 300_000);
});
