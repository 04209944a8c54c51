/**
 * Install by name, for real: every public workspace package is published to a verdaccio on 127.0.0.1 (no
 * uplinks), a CLI variant without @agentcore/auth-apikey is installed from it into an empty folder, and the plugin
 * is installed, used, upgraded on its own and uninstalled through `agentcore plugins`. Third-party packages come
 * from the local npm cache (lockfile versions only); nothing reaches the network. Bounded; stops everything.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspacePackages } from '../../../tools/local-registry.mjs';
import {
  installCli,
  publishVariant,
  runInstalled,
  startHarness,
  userEnv,
  type RegistryHarness,
} from './registry/harness.js';

const APIKEY = '@agentcore/auth-apikey';
const CORE_VERSION = '0.1.0-core.0';
let h: RegistryHarness | undefined;
let bin = '';
let env: NodeJS.ProcessEnv = {};
let work = '';

const harness = (): RegistryHarness => {
  if (!h) throw new Error('harness not started');
  return h;
};
const agentcore = <R = unknown>(args: string[], cwd = work, input?: string) =>
  runInstalled<R>(bin, args, { cwd, env, input, timeoutMs: 120_000 });

interface PluginRow {
  name: string;
  version: string;
  type: string;
}
async function userPlugins(): Promise<PluginRow[]> {
  const r = await agentcore<PluginRow[]>(['plugins', '--json']);
  expect(r.exitCode, r.stderr).toBe(0);
  const envelope = JSON.parse(r.stdout) as { status: number; result: PluginRow[] };
  expect(envelope.status).toBe(0);
  return envelope.result.filter((p) => p.type === 'user');
}

async function newProject(name: string): Promise<string> {
  expect((await agentcore(['create', '--name', name, '--json'])).exitCode).toBe(0);
  const root = join(work, name);
  expect((await agentcore(['add', 'gateway', '--name', 'gw', '--json'], root)).exitCode).toBe(0);
  return root;
}

/** `add gateway-target … --outbound-auth api-key`; `pluginFlags` are the plugin's own (unknown flags while it is absent). */
const apiKeyTarget = (name: string, pluginFlags: string[] = []) => [
  'add',
  'gateway-target',
  '--name',
  name,
  '--gateway',
  'gw',
  '--type',
  'mcp-server',
  '--endpoint',
  'https://tools.example.com/mcp',
  '--outbound-auth',
  'api-key',
  '--credential-name',
  `${name}-key`,
  ...pluginFlags,
  '--json',
];
const withKey = (...flags: string[]) => ['--api-key-value', '-', ...flags];

beforeAll(async () => {
  h = await startHarness();
  // The CLI without the API-key plugin: as a user who has not installed it yet would have it.
  await publishVariant(
    h,
    '@agentcore/cli',
    (p) => {
      p.version = CORE_VERSION;
      delete p.dependencies?.[APIKEY];
      if (p.oclif?.plugins) p.oclif.plugins = p.oclif.plugins.filter((name) => name !== APIKEY);
    },
    'core',
  );
  bin = await installCli(h, `@agentcore/cli@${CORE_VERSION}`);
  env = await userEnv(h, 'user');
  work = join(h.dir, 'work');
  await mkdir(work, { recursive: true });
}, 300_000);

afterAll(async () => {
  await h?.close();
}, 60_000);

describe('agentcore plugins against a real registry', { timeout: 300_000 }, () => {
  it('published every public workspace package, none relying on install scripts', () => {
    const pkgs = workspacePackages();
    expect(harness().published).toEqual(pkgs.map((p) => `${p.name}@${p.version}`));
    for (const p of pkgs) {
      const scripts = (p.pjson.scripts ?? {}) as Record<string, string>;
      expect(
        Object.keys(scripts).filter((s) => ['preinstall', 'install', 'postinstall'].includes(s)),
        p.name,
      ).toEqual([]);
    }
    expect(harness().mirror.requests.misses).toEqual([]);
  });

  it('without the plugin, api-key outbound auth names the plugin to install', async () => {
    const root = await newProject('NoPlugin');
    const r = await agentcore(apiKeyTarget('t0'), root);
    expect(r.exitCode).not.toBe(0);
    expect(r.json?.code).toBe('ERR_STRATEGY_NOT_INSTALLED');
    expect(r.json?.details).toMatchObject({ plugin: APIKEY });
    expect(r.json?.actions?.[0]).toContain(`agentcore plugins install ${APIKEY}`);
  });

  it('installs the plugin by name from the registry; its flags write the placement', async () => {
    const install = await agentcore(['plugins', 'install', APIKEY]);
    expect(install.exitCode, install.stderr).toBe(0);
    expect(await userPlugins()).toEqual([expect.objectContaining({ name: APIKEY, version: '0.1.0' })]);
    const root = await newProject('WithPlugin');
    const r = await agentcore(
      apiKeyTarget('t1', withKey('--api-key-location', 'query_parameter', '--api-key-parameter-name', 'api_key')),
      root,
      'k-123\n',
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      agentCoreGateways: { targets: { outboundAuth?: unknown }[] }[];
    };
    expect(config.agentCoreGateways[0]?.targets[0]?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 't1-key',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
    });
    expect(JSON.stringify(config)).not.toContain('k-123');
  });

  it('upgrades the plugin alone: 0.1.1 from the registry, the core stays at its version', async () => {
    await publishVariant(harness(), APIKEY, (p) => void (p.version = '0.1.1'), 'latest');
    const install = await agentcore(['plugins', 'install', APIKEY]);
    expect(install.exitCode, install.stderr).toBe(0);
    expect(await userPlugins()).toEqual([expect.objectContaining({ name: APIKEY, version: '0.1.1' })]);
    const version = await agentcore(['--version']);
    expect(version.stdout).toContain(`@agentcore/cli/${CORE_VERSION}`);
    expect(version.stderr).not.toMatch(/Mismatched version/);
    const root = await newProject('Upgraded');
    expect((await agentcore(apiKeyTarget('t2', withKey('--api-key-prefix', 'Bearer')), root, 'k-456\n')).exitCode).toBe(
      0,
    );
  });

  it('uninstalling brings the install hint back', async () => {
    const r = await agentcore(['plugins', 'uninstall', APIKEY]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await userPlugins()).toEqual([]);
    const root = await newProject('Removed');
    const again = await agentcore(apiKeyTarget('t3'), root);
    expect(again.json?.code).toBe('ERR_STRATEGY_NOT_INSTALLED');
    expect(again.json?.details).toMatchObject({ plugin: APIKEY });
  });
});
