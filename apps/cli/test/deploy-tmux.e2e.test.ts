/**
 * `agentcore deploy` in a real terminal (tmux) against the AWS stand-in: without --yes it shows the review and asks;
 * "n" cancels (the change set is deleted, nothing executed, no deployed state), "y" deploys with a line per stack
 * event. `destroy` asks the same way.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInEnv } from './deploy-helpers.js';
import { createSandbox, type Sandbox } from './helpers.js';
import { requiredPeer, TMUX } from '@agentcore/testkit/peers';
import { startInTmux, type TmuxRun } from './tmux-helpers.js';

// Under CI a missing tmux fails this suite (beforeAll); elsewhere the suite is skipped and says so.
const tmux = requiredPeer(TMUX);

describe.skipIf(tmux.skip)('agentcore deploy asks in a terminal (tmux, AWS stand-in)', () => {
  let sb: Sandbox;
  let root: string;
  let aws: AwsStandIn;
  const sessions: TmuxRun[] = [];
  const start = (args: string[]) => {
    const env = { ...sb.env, ...standInEnv(sb, aws) };
    const run = startInTmux(args, { cwd: root, env, name: `agentcore-deploy-${process.pid}-${sessions.length}` });
    sessions.push(run);
    return run;
  };
  const stateFile = () => join(root, 'agentcore', '.cli', 'deployed-state.json');

  beforeAll(async () => {
    tmux.assert();
    aws = await startAwsStandIn({ progressDelayMs: 0, s3: true });
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Term', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Term');
    expect(
      (await sb.run(['add', 'agent', '--name', 'A', '--template', 'node', '--json'], { cwd: root })).exitCode,
    ).toBe(0);
  });
  afterAll(async () => {
    sessions.forEach((s) => s.close());
    await aws?.close();
    await sb?.cleanup();
  });

  it('"n" cancels: the change set is deleted and nothing is executed', async () => {
    const run = start(['deploy']);
    const screen = await run.waitFor('Execute this change set? [y/N]');
    expect(screen).toContain('Resource changes:');
    expect(screen).toContain('Add RuntimeA (AWS::BedrockAgentCore::Runtime)');
    await run.type('n');
    await run.keys('Enter');
    expect(await run.exitCode()).toBe(0);
    expect(run.screen()).toContain('Cancelled; the change set was deleted');
    expect(aws.requests().some((r) => r.operation === 'ExecuteChangeSet')).toBe(false);
    expect(existsSync(stateFile())).toBe(false);
  });

  it('"y" deploys, a line per stack event; destroy asks too', async () => {
    const run = start(['deploy']);
    await run.waitFor('Execute this change set? [y/N]');
    await run.type('y');
    await run.keys('Enter');
    expect(await run.exitCode()).toBe(0);
    const screen = run.screen();
    expect(screen).toMatch(/CREATE_COMPLETE\s+RuntimeA \(AWS::BedrockAgentCore::Runtime\)/);
    expect(screen).toContain('Deployed stack agentcore-Term in us-east-1.');
    expect(existsSync(stateFile())).toBe(true);

    const gone = start(['destroy']);
    await gone.waitFor('Delete all of this? [y/N]');
    expect(gone.screen()).toContain('Stack agentcore-Term in us-east-1');
    await gone.type('y');
    await gone.keys('Enter');
    expect(await gone.exitCode()).toBe(0);
    expect(existsSync(stateFile())).toBe(false);
  });
});
