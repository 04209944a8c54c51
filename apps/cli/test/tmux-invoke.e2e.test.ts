/**
 * `invoke` and `fetch access` at a real terminal (tmux): the token screen (masked, from the issuer), a streamed chat
 * with the session id shown, and the resource picker of `fetch access` (token masked, never in full).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { startEchoAgent, startJwtProxy, type Peer } from './invoke-peers.js';
import { requiredPeer, TMUX } from '@agentcore/testkit/peers';
import { startInTmux, type TmuxRun } from './tmux-helpers.js';

const SECRET = 'tmux-invoke-client-secret-5c2e';
const PICK_AGENT = 'Which agent should answer?';

// Under CI a missing tmux fails this suite (beforeAll); elsewhere the suite is skipped and says so.
const tmux = requiredPeer(TMUX);

describe.skipIf(tmux.skip)('invoke chat and fetch access in a real terminal (tmux)', () => {
  let sb: Sandbox;
  let root: string;
  let idp: OidcIssuer;
  let agent: Peer;
  let proxy: Peer;
  const sessions: TmuxRun[] = [];
  const start = (args: string[]) => {
    const run = startInTmux(args, { cwd: root, env: sb.env, name: `agentcore-chat-${process.pid}-${sessions.length}` });
    sessions.push(run);
    return run;
  };

  beforeAll(async () => {
    tmux.assert();
    sb = await createSandbox();
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:invoke'] }],
    });
    agent = await startEchoAgent({ ECHO_DELAY_MS: '5' });
    proxy = await startJwtProxy(idp, agent.url);
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    const add = [
      'add',
      'agent',
      '--name',
      'A',
      '--template',
      'node',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      idp.discoveryUrl,
      '--allowed-clients',
      'agent-client',
      '--client-id',
      'agent-client',
      '--client-secret',
      '-',
      '--json',
    ];
    expect((await sb.run(add, { cwd: root, input: SECRET })).exitCode).toBe(0);
    expect((await sb.run(['add', 'gateway', '--name', 'gw', '--json'], { cwd: root })).exitCode).toBe(0);
  });
  afterAll(async () => {
    for (const s of sessions) s.close();
    await Promise.all([proxy?.close(), agent?.close(), idp?.close()]);
    await sb?.cleanup();
  });

  it('invoke: token screen (masked), then a streamed chat over one session', async () => {
    const t = start(['invoke', '--runtime', 'A', '--endpoint', proxy.url]);
    await t.waitFor('Access token for A');
    const screen = await t.waitFor('just fetched from the issuer');
    expect(screen).toMatch(/•{8}/);
    expect(screen).not.toMatch(/ey[A-Za-z0-9_-]{10,}/);
    await t.keys('Enter');
    await t.waitFor('Chat with A');
    await t.type('hello there');
    await t.keys('Enter');
    expect(await t.waitFor('echo: hello there')).not.toContain('echo: hello thereecho');
    await t.waitFor(/Session: chat-[0-9a-f-]{36}/);
    await t.type('again');
    await t.keys('Enter');
    await t.waitFor('echo: again');
    await t.keys('Escape');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).not.toContain(SECRET);
  });

  it('invoke "prompt" with several agents and no --runtime: pick one; its token, then the reply', async () => {
    expect(
      (await sb.run(['add', 'agent', '--name', 'B', '--template', 'node', '--json'], { cwd: root })).exitCode,
    ).toBe(0);
    const t = start(['invoke', 'hello picker', '--endpoint', proxy.url]);
    await t.waitFor(PICK_AGENT);
    expect(t.screen()).toContain('B (AWS_IAM)');
    await t.choose('A (CUSTOM_JWT)');
    await t.waitFor('echo: hello picker');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).not.toContain(SECRET);
  });

  it('fetch access: pick a resource, the token is shown masked', async () => {
    const t = start(['fetch', 'access']);
    await t.waitFor('Fetch access to which agent or gateway?');
    expect(t.screen()).toContain('gw (gateway, NONE)');
    await t.choose('A (agent, CUSTOM_JWT)');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('masked; run with --json');
    expect(screen).not.toMatch(/ey[A-Za-z0-9_-]{10,}/);
  });
});
