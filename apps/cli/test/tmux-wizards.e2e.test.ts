/**
 * End to end in a real terminal (tmux): the built binary's wizards, typed into like a person would, write the
 * files. `add agent` with CUSTOM_JWT (with an Esc back-step on the way) and `add gateway-target` with an API-key
 * placement; Esc on a first step exits with nothing written; `agentcore` alone opens the home screen.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { requiredPeer, TMUX } from '@agentcore/testkit/peers';
import { startInTmux, type TmuxRun } from './tmux-helpers.js';

// Under CI a missing tmux fails this suite (beforeAll); elsewhere the suite is skipped and says so.
const tmux = requiredPeer(TMUX);

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const CLAIMS =
  '[{"inboundTokenClaimName":"tenant","inboundTokenClaimValueType":"STRING","authorizingClaimMatchValue":{"claimMatchOperator":"EQUALS","claimMatchValue":{"matchValueString":"acme"}}}]';

interface Config {
  runtimes: { name: string; authorizerType?: string; authorizerConfiguration?: unknown }[];
  agentCoreGateways: { name: string; targets: { name: string; endpoint?: string; outboundAuth?: unknown }[] }[];
}

describe.skipIf(tmux.skip)('wizards in a real terminal (tmux)', () => {
  let sb: Sandbox;
  let root: string;
  const sessions: TmuxRun[] = [];
  const start = (args: string[]) => {
    const run = startInTmux(args, { cwd: root, env: sb.env, name: `agentcore-e2e-${process.pid}-${sessions.length}` });
    sessions.push(run);
    return run;
  };
  const config = async () => JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as Config;

  beforeAll(async () => {
    tmux.assert();
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    expect(
      (
        await sb.run(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'], {
          cwd: root,
          input: 'sk-e2e-0123456789',
        })
      ).exitCode,
    ).toBe(0);
    expect((await sb.run(['add', 'gateway', '--name', 'gw', '--json'], { cwd: root })).exitCode).toBe(0);
  });
  afterAll(async () => {
    for (const s of sessions) s.close();
    await sb?.cleanup();
  });

  it('add agent with CUSTOM_JWT', async () => {
    const t = start(['add', 'agent']);
    await t.waitFor('Agent name');
    await t.type('JwtBot');
    await t.keys('Enter');
    await t.waitFor('Description');
    await t.keys('Enter');
    await t.waitFor('Where does the agent code come from?');
    await t.choose('A starter echo agent (template)');
    await t.waitFor('? Template');
    await t.choose('node');
    await t.waitFor('Inbound auth');
    await t.choose('custom-jwt');
    await t.waitFor('OIDC discovery URL');
    await t.type(DISCOVERY);
    await t.keys('Enter');
    await t.waitFor('Allowed client ids');
    // Esc goes back one step, with the answer kept for editing.
    await t.keys('Escape');
    await t.waitFor(new RegExp(`\\? OIDC discovery URL[\\s\\S]*› ${DISCOVERY.replace(/[.?/]/g, '\\$&')}`));
    await t.keys('Enter');
    await t.waitFor('Allowed client ids');
    await t.type('c1, c2');
    await t.keys('Enter');
    await t.waitFor('Allowed audiences');
    await t.keys('Enter');
    await t.waitFor('Allowed scopes');
    await t.type('agent/invoke');
    await t.keys('Enter');
    await t.waitFor('Custom claim rules');
    // The claims manager: a adds a rule (name → value type → operator → value), Enter on "done" finishes.
    await t.type('a');
    await t.waitFor('Claim name');
    await t.type('tenant');
    await t.keys('Enter');
    await t.waitFor('Value type of the claim');
    await t.keys('Enter');
    await t.waitFor('How to match it');
    await t.keys('Enter');
    await t.waitFor('Value to match');
    await t.type('acme');
    await t.keys('Enter');
    await t.waitFor('tenant (STRING) EQUALS acme');
    await t.keys('Enter');
    await t.waitFor('Client id for fetching test tokens');
    await t.keys('Enter');
    await t.waitFor('Review');
    await t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('Added agent JwtBot (CUSTOM_JWT)');

    const runtime = (await config()).runtimes.find((r) => r.name === 'JwtBot');
    expect(runtime).toMatchObject({
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: {
          discoveryUrl: DISCOVERY,
          allowedClients: ['c1', 'c2'],
          allowedScopes: ['agent/invoke'],
          customClaims: JSON.parse(CLAIMS) as unknown[],
        },
      },
    });
    await expect(readFile(join(root, 'app', 'JwtBot', 'main.js'), 'utf8')).resolves.toBeTruthy();
  });

  it('add gateway-target with an API key as a query parameter', async () => {
    const t = start(['add', 'gateway-target']);
    await t.waitFor('? Gateway');
    await t.choose('gw');
    await t.waitFor('Target name');
    await t.type('tools');
    await t.keys('Enter');
    await t.waitFor('Target type');
    await t.choose('mcp-server');
    await t.waitFor('MCP server endpoint URL');
    await t.type('https://tools.example.com/mcp');
    await t.keys('Enter');
    await t.waitFor('Outbound auth');
    await t.choose('api-key');
    await t.waitFor(/credential/i);
    await t.choose('MyKey');
    await t.waitFor(/location|Where/i);
    await t.choose('Query parameter');
    // The default shows as a hint; typing replaces it.
    await t.waitFor('› x-api-key');
    await t.type('api_key');
    await t.keys('Enter');
    await t.waitFor(/prefix/i);
    await t.keys('Enter');
    await t.waitFor('Review');
    expect(t.screen()).not.toContain('sk-e2e-0123456789');
    await t.keys('Enter');
    expect(await t.exitCode()).toBe(0);

    const target = (await config()).agentCoreGateways
      .find((g) => g.name === 'gw')
      ?.targets.find((x) => x.name === 'tools');
    expect(target).toEqual({
      name: 'tools',
      targetType: 'mcpServer',
      endpoint: 'https://tools.example.com/mcp',
      outboundAuth: {
        type: 'API_KEY',
        credentialName: 'MyKey',
        apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
      },
    });
  });

  it('keys arriving in one read are applied one by one; a default is a hint that typing replaces', async () => {
    const t = start(['add', 'gateway-target']);
    await t.waitFor('? Gateway');
    await t.choose('gw');
    await t.waitFor('Target name');
    await t.type('burstxyz');
    await t.waitFor('› burstxyz');
    // A held Backspace: three in one read.
    await t.burst('\x7f\x7f\x7f');
    await t.waitFor(/› burst\s*\n/);
    await t.keys('Enter');
    await t.waitFor('Target type');
    await t.choose('mcp-server');
    await t.waitFor('MCP server endpoint URL');
    // Pasted text with its Enter, then the next step's keys, all in one read: Outbound auth lists none,
    // gateway-iam-role, api-key, … so Down Down Enter picks api-key.
    await t.burst('https://burst.example.com/mcp\r\x1b[B\x1b[B\r');
    await t.waitFor(/credential/i);
    await t.choose('MyKey');
    await t.waitFor(/location|Where/i);
    await t.choose('Query parameter');
    // The default is shown as a hint; typing starts from empty.
    await t.waitFor('› x-api-key');
    await t.burst('api_key\r');
    await t.waitFor(/prefix/i);
    await t.keys('Enter');
    await t.waitFor('Review');
    await t.keys('Enter');
    expect(await t.exitCode()).toBe(0);

    const target = (await config()).agentCoreGateways
      .find((g) => g.name === 'gw')
      ?.targets.find((x) => x.name === 'burst');
    expect(target).toEqual({
      name: 'burst',
      targetType: 'mcpServer',
      endpoint: 'https://burst.example.com/mcp',
      outboundAuth: {
        type: 'API_KEY',
        credentialName: 'MyKey',
        apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
      },
    });
  });

  it('Esc on the first step exits (130) and writes nothing; the terminal is given back', async () => {
    const before = await snapshotProject(root);
    const t = start(['add', 'gateway']);
    await t.waitFor('Gateway name');
    await t.keys('Escape');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('ERR_CANCELLED');
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('Ctrl-C in the middle of a wizard exits cleanly and writes nothing', async () => {
    const before = await snapshotProject(root);
    const t = start(['add', 'credential']);
    await t.waitFor('Credential name');
    await t.type('Half');
    await t.keys('Enter');
    await t.waitFor('Kind of credential');
    await t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('agentcore alone opens the home screen, which opens a wizard and comes back until Quit', async () => {
    const t = start([]);
    await t.waitFor('what would you like to do?');
    await t.choose('Add a gateway');
    await t.waitFor('Gateway name');
    await t.type('gw2');
    await t.keys('Enter');
    await t.waitFor('Description');
    await t.keys('Enter');
    await t.waitFor('semantic tool search');
    await t.keys('Enter');
    await t.waitFor('Inbound auth');
    await t.choose('NONE');
    await t.waitFor('Review');
    await t.keys('Enter');
    // the gateway is written, and the home screen is back for the next action
    await t.waitFor(/Added gateway gw2[\s\S]*what would you like to do\?/);
    expect((await config()).agentCoreGateways.map((g) => g.name)).toEqual(['gw', 'gw2']);
    await t.choose('Add a credential');
    await t.waitFor('Credential name');
    await t.keys('Escape');
    await t.waitFor(/ERR_CANCELLED[\s\S]*what would you like to do\?/);
    await t.choose('Quit');
    // the exit code is the last action's: the cancelled wizard
    expect(await t.exitCode()).toBe(130);
  });
});
