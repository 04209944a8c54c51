/**
 * With a strategy plugin absent, selecting its auth type or loading a config that uses it names the plugin to
 * install — for the inbound CUSTOM_JWT and the outbound API_KEY strategies (issues 3 and 4). The project itself is
 * made with the full CLI; the commands under test run a copy of the built CLI whose package.json lacks the plugin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { cliWithout, runScript } from './cli-without.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
let sb: Sandbox;
/** Uses both auth types (for validate). */
let root: string;
/** Uses neither, but has the credential and gateway the selection needs. */
let clean: string;

beforeAll(async () => {
  sb = await createSandbox();
  expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
  root = join(sb.dir, 'Demo');
  for (const args of [
    [
      'add',
      'agent',
      '--name',
      'Jwt',
      '--template',
      'node',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      DISCOVERY,
      '--allowed-clients',
      'c1',
      '--json',
    ],
    ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'],
    ['add', 'gateway', '--name', 'gw', '--json'],
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
      'https://api.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--json',
    ],
  ]) {
    const r = await sb.run(args, { cwd: root, input: 'k-123' });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  expect((await sb.run(['create', '--name', 'Clean', '--json'])).exitCode).toBe(0);
  clean = join(sb.dir, 'Clean');
  for (const args of [
    ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'],
    ['add', 'gateway', '--name', 'gw', '--json'],
  ]) {
    expect((await sb.run(args, { cwd: clean, input: 'k-123' })).exitCode).toBe(0);
  }
}, 60_000);
afterAll(() => sb.cleanup());

describe.each([
  {
    plugin: '@agentcore/auth-custom-jwt',
    select: ['add', 'agent', '--name', 'Other', '--template', 'node', '--authorizer-type', 'CUSTOM_JWT', '--json'],
    path: 'runtimes.0.authorizerType',
  },
  {
    plugin: '@agentcore/auth-apikey',
    select: [
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'up2',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://api.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--json',
    ],
    path: 'agentCoreGateways.0.targets.0.outboundAuth.type',
  },
])('without $plugin', ({ plugin, select, path }) => {
  let cli: string;
  beforeAll(async () => {
    cli = await cliWithout(plugin, join(sb.dir, `cli-${plugin.split('/')[1]}`));
  });
  const hint = `Run \`agentcore plugins install ${plugin}\``;

  it('selecting its auth type fails with the install hint and changes nothing', async () => {
    const before = await snapshotProject(clean);
    const r = await runScript(cli, select, clean, sb.env);
    expect(r.exitCode).toBe(1);
    expect(r.json.code).toBe('ERR_STRATEGY_NOT_INSTALLED');
    expect(r.json.actions).toContain(hint);
    expect(await snapshotProject(clean)).toEqual(before);
  });

  it('validate reports the config that uses it, with the same hint', async () => {
    const r = await runScript(cli, ['validate', '--json'], root, sb.env);
    expect(r.exitCode).toBe(1);
    expect(r.json.code).toBe('ERR_CONFIG_INVALID');
    expect(r.json.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, action: hint })]));
    expect(r.json.actions?.[0]).toBe(hint);
  });
});
