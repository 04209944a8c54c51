/**
 * MCP tool calls and A2A chat at a real terminal (tmux): `invoke --runtime <MCP runtime>` shows the token screen, a tool picker
 * and a form built from the tool's input schema, then the result; `invoke --gateway G` does the same for the
 * gateway's `<target>___<tool>` tools. Against `agentcore dev --issuer` and a real upstream MCP server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpServer, type TestMcpServer } from '@agentcore/testkit';
import { BIN, createSandbox, type Sandbox } from './helpers.js';
import { requiredPeer, TMUX } from '@agentcore/testkit/peers';
import { startInTmux, type TmuxRun } from './tmux-helpers.js';

const SECRET = 'tmux-tools-client-secret-77d1';

// Under CI a missing tmux fails this suite (beforeAll); elsewhere the suite is skipped and says so.
const tmux = requiredPeer(TMUX);

describe.skipIf(tmux.skip)('MCP tool calls in a real terminal (tmux)', () => {
  let sb: Sandbox;
  let root: string;
  let upstream: TestMcpServer;
  let dev: ChildProcess | undefined;
  const sessions: TmuxRun[] = [];
  const start = (args: string[]) => {
    const run = startInTmux(args, {
      cwd: root,
      env: sb.env,
      name: `agentcore-tools-${process.pid}-${sessions.length}`,
    });
    sessions.push(run);
    return run;
  };

  beforeAll(async () => {
    tmux.assert();
    sb = await createSandbox();
    upstream = await startMcpServer();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    const steps: [string[], string][] = [
      [
        [
          ...['add', 'agent', '--name', 'Mcp', '--template', 'node', '--protocol', 'MCP'],
          ...[
            '--authorizer-type',
            'custom-jwt',
            '--discovery-url',
            'https://idp.example.com/.well-known/openid-configuration',
          ],
          ...['--allowed-clients', 'tools-client', '--allowed-scopes', 'invoke'],
          ...['--client-id', 'tools-client', '--client-secret', '-', '--json'],
        ],
        SECRET,
      ],
      [['add', 'agent', '--name', 'A2a', '--template', 'node', '--protocol', 'A2A', '--json'], ''],
      [['add', 'gateway', '--name', 'gw', '--json'], ''],
      [
        [
          'add',
          'gateway-target',
          '--gateway',
          'gw',
          '--name',
          'up',
          '--type',
          'mcp-server',
          '--endpoint',
          upstream.url,
          '--json',
        ],
        '',
      ],
    ];
    for (const [args, input] of steps) {
      const r = await sb.run(args, { cwd: root, input });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    }
    dev = spawn(process.execPath, [BIN, 'dev', '--issuer', '--json'], {
      cwd: root,
      env: sb.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('dev not ready in 45 s')), 45_000);
      createInterface({ input: dev?.stdout ?? process.stdin }).once('line', () => {
        clearTimeout(timer);
        resolve();
      });
      dev?.once('exit', (code) => reject(new Error(`dev exited ${code}`)));
    });
  }, 120_000);
  afterAll(async () => {
    for (const s of sessions) s.close();
    if (dev && dev.exitCode === null) {
      const exited = new Promise((r) => dev?.once('exit', r));
      dev.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (dev.exitCode === null) dev.kill('SIGKILL');
    }
    await upstream?.close();
    await sb?.cleanup();
  });

  it('MCP runtime: token screen, tool picker, a form from the input schema, then the result', async () => {
    const t = start(['invoke', '--runtime', 'Mcp']);
    await t.waitFor('Access token for Mcp');
    expect(t.screen()).not.toMatch(/ey[A-Za-z0-9_-]{10,}/);
    await t.keys('Enter');
    await t.waitFor('Which tool do you want to call?');
    await t.choose('add');
    await t.waitFor('Arguments of add');
    await t.type('x');
    await t.keys('Enter');
    await t.waitFor('Enter a number.');
    await t.keys('BSpace');
    await t.type('20');
    await t.keys('Enter');
    await t.waitFor('✔ a: 20'); // the next question is on screen before typing its answer
    await t.type('22');
    await t.keys('Enter');
    await t.waitFor('Enter write the changes'); // the review screen
    await t.keys('Enter');
    await t.waitFor(/^42$/m);
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).not.toContain(SECRET);
  });

  it('A2A runtime: the same chat as HTTP, the reply streamed from the A2A task', async () => {
    const t = start(['invoke', '--runtime', 'A2a']);
    await t.waitFor('Enter send');
    await t.type('hello a2a');
    await t.keys('Enter');
    await t.waitFor('echo: hello a2a');
    await t.keys('Escape');
    expect(await t.exitCode()).toBe(0);
  });

  it('gateway: the <target>___<tool> tools in the picker, then the call through the gateway', async () => {
    const t = start(['invoke', '--gateway', 'gw']);
    await t.waitFor('Which tool do you want to call?');
    await t.choose('up___add');
    await t.waitFor('Arguments of up___add');
    await t.type('1');
    await t.keys('Enter');
    await t.waitFor('✔ a: 1');
    await t.type('2');
    await t.keys('Enter');
    await t.waitFor('Enter write the changes');
    await t.keys('Enter');
    await t.waitFor(/^3$/m);
    expect(await t.exitCode()).toBe(0);
  });
});
