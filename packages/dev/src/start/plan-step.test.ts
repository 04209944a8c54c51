import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDevSession } from '../session.js';
import { config } from '../test-helpers/project.js';
import { testRegistry } from '../test-helpers/strategies.js';
import { planSession } from './plan-step.js';

const oneAgent = config({
  runtimes: [{ name: 'A', build: 'CodeZip', entrypoint: 'main.js', codeLocation: 'app/A', authorizerType: 'AWS_IAM' }],
});

describe('planSession (step 1 of startDev)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'agentcore-plan-step-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('refuses a project with nothing to run, saying how to add an agent', async () => {
    const err = await planSession({ root, config: config({}), registry: testRegistry() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_DEV_NOTHING_TO_RUN' });
    expect((err as { actions: string[] }).actions[0]).toContain('agentcore add agent');
  });

  it('refuses while another live process holds the session file, naming its pid', async () => {
    await writeDevSession(root, {
      pid: process.ppid,
      runtimeUrl: 'http://127.0.0.1:1',
      runtimes: {},
      gatewayUrls: {},
      startedAt: new Date().toISOString(),
    });
    const err = await planSession({ root, config: oneAgent, registry: testRegistry() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_DEV_SESSION_ACTIVE', details: { pid: process.ppid } });
    expect((err as { actions: string[] }).actions[0]).toContain(`kill ${process.ppid}`);
  });

  it('plans the runtimes when no other session runs (and ignores the file with sessionFile: false)', async () => {
    expect(
      (await planSession({ root, config: oneAgent, registry: testRegistry() })).runtimes.map((r) => r.name),
    ).toEqual(['A']);
    await writeDevSession(root, {
      pid: process.ppid,
      runtimeUrl: 'http://127.0.0.1:1',
      runtimes: {},
      gatewayUrls: {},
      startedAt: new Date().toISOString(),
    });
    const plan = await planSession({ root, config: oneAgent, registry: testRegistry(), sessionFile: false });
    expect(plan.runtimes.map((r) => r.name)).toEqual(['A']);
  });
});
