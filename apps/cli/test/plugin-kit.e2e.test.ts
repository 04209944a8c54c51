/**
 * A third-party plugin from outside this repository, as its authors would make it: every public workspace package
 * (the kit and the CLI's packages) is published to a verdaccio on 127.0.0.1, agentcore is installed from it into an
 * empty folder, and in another empty folder — nowhere near this repo's node_modules — `agentcore plugins generate`
 * writes a plugin that `npm install`s from the registry, builds, passes its own tests, links (with oclif's "linked
 * ESM module" warning unless silenced), packs, installs from its tarball and then works: its strategy in
 * `add gateway-target`, `status`, and its own command's coded error with code and actions in text and `--json`.
 * Its authors add an outbound HTTP Basic strategy with its own credential kind (two secret fields), which then
 * goes through `add credential --type acme-basic`, the core's credential-kind rule, `status`, `agentcore dev`
 * against a real MCP upstream that checks the header, and `remove credential`.
 * An inbound plugin is generated, installed, built, tested and linked the same way. Third-party packages come from
 * the local npm cache (lockfile versions only). Bounded; stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npm, REPO_ROOT } from '../../../tools/local-registry.mjs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer } from '@agentcore/testkit';
import { installCli, runInstalled, startHarness, userEnv, type RegistryHarness } from './registry/harness.js';
import { BASIC_SOURCE, basicTarget, firstLine, HOOK_SOURCE } from './plugin-kit-basic.js';

const NAME = 'acme-hmac';
const PACKAGE = `agentcore-auth-${NAME}`;
let h: RegistryHarness | undefined;
let bin = '';
let env: NodeJS.ProcessEnv = {};
let work = '';
let pluginDir = '';
let tarball = '';
let root = '';

const harness = (): RegistryHarness => {
  if (!h) throw new Error('harness not started');
  return h;
};
const agentcore = <R = unknown>(args: string[], cwd = work, input?: string, extraEnv: NodeJS.ProcessEnv = {}) =>
  runInstalled<R>(bin, args, { cwd, env: { ...env, ...extraEnv }, input, timeoutMs: 180_000 });
/** npm in the plugin's folder, against the local registry (rejects with npm's output when it fails). */
const npmIn = (args: string[]) => npm(args, { cwd: pluginDir, env: harness().npmEnv, timeoutMs: 300_000 });

beforeAll(async () => {
  h = await startHarness();
  bin = await installCli(h, '@agentcore/cli@0.1.0');
  env = await userEnv(h, 'user');
  work = join(h.dir, 'work');
  await mkdir(work, { recursive: true });
  pluginDir = join(work, PACKAGE);
}, 600_000);

afterAll(async () => {
  await h?.close();
}, 60_000);

describe('a plugin built outside the repo on @agentcore/plugin-kit', { timeout: 600_000 }, () => {
  it('plugins generate writes the skeleton into an empty folder', async () => {
    const r = await agentcore<{ packageName: string }>(['plugins', 'generate', NAME, '--dir', pluginDir, '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result?.packageName).toBe(PACKAGE);
  });

  it('npm install takes the kit from the registry (a real copy, not this repo)', async () => {
    await npmIn(['install', '--no-audit', '--no-fund']);
    const kitDir = join(pluginDir, 'node_modules', '@agentcore', 'plugin-kit');
    expect((await lstat(kitDir)).isSymbolicLink()).toBe(false);
    expect(await realpath(kitDir)).not.toContain(REPO_ROOT);
    const kit = JSON.parse(await readFile(join(kitDir, 'package.json'), 'utf8')) as { version: string };
    expect(kit.version).toBe('0.1.0');
  });

  it('its authors add an outbound strategy with its own credential kind, from the kit alone', async () => {
    await writeFile(join(pluginDir, 'src', 'basic.ts'), BASIC_SOURCE);
    await writeFile(join(pluginDir, 'src', 'hooks', 'strategies.ts'), HOOK_SOURCE);
  });

  it('the plugin builds and passes its own tests', async () => {
    await npmIn(['run', 'build']);
    const test = await npmIn(['test']);
    expect(stripAnsi(test)).toMatch(/Tests\s+4 passed \(4\)/);
  });

  it('plugins link: oclif warns about a linked ESM module unless OCLIF_DISABLE_LINKED_ESM_WARNING=1', async () => {
    const link = await agentcore(['plugins', 'link', pluginDir, '--no-install']);
    expect(link.exitCode, link.stderr).toBe(0);
    const help = await agentcore(['add', 'gateway-target', '--help']);
    expect(help.stdout).toContain('--acme-hmac-header');
    expect(help.stderr).toContain(`${PACKAGE} is a linked ESM module`);
    const quiet = await agentcore(['add', 'gateway-target', '--help'], work, undefined, {
      OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
    });
    expect(quiet.stdout).toContain('--acme-hmac-header');
    expect(quiet.stderr).not.toContain('linked ESM module');
    expect((await agentcore(['plugins', 'unlink', PACKAGE])).exitCode).toBe(0);
  });

  it('an inbound plugin installs, builds, passes its tests and shows its flags in `add agent --help`', async () => {
    const dir = join(work, 'agentcore-auth-acme-sso');
    const r = await agentcore(['plugins', 'generate', 'acme-sso', '--direction', 'inbound', '--dir', dir, '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const inDir = (args: string[]) => npm(args, { cwd: dir, env: harness().npmEnv, timeoutMs: 300_000 });
    await inDir(['install', '--no-audit', '--no-fund']);
    await inDir(['run', 'build']);
    expect(stripAnsi(await inDir(['test']))).toMatch(/Tests\s+4 passed \(4\)/);
    expect((await agentcore(['plugins', 'link', dir, '--no-install'])).exitCode).toBe(0);
    const help = await agentcore(['add', 'agent', '--help'], work, undefined, {
      OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
    });
    expect(help.stdout).toContain('--acme-sso-allowed-client');
    expect((await agentcore(['plugins', 'unlink', 'agentcore-auth-acme-sso'])).exitCode).toBe(0);
  });

  it('npm pack, then plugins install file:<tarball>', async () => {
    await npmIn(['pack']);
    tarball = join(pluginDir, `${PACKAGE}-0.1.0.tgz`);
    expect((await stat(tarball)).size).toBeGreaterThan(0);
    // oclif reads a bare path with a slash as a GitHub repo: a tarball is installed by its absolute file: URL.
    const install = await agentcore(['plugins', 'install', `file:${tarball}`]);
    expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    // npm puts the plugin's peers next to it in oclif's data folder: its coded errors come from this second copy of
    // the kit, not the CLI's, and must still be recognised (next test).
    const dataDir = join(env.XDG_DATA_HOME ?? '', 'agentcore', 'node_modules');
    const secondKit = await realpath(join(dataDir, '@agentcore', 'plugin-kit'));
    const cliKit = await realpath(join(bin, '..', '..', '..', 'plugin-kit'));
    expect(secondKit).not.toBe(cliKit);
    const plugins = await agentcore<{ name: string; type: string }[]>(['plugins', '--json']);
    expect(plugins.json?.result).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: PACKAGE, type: 'user' })]),
    );
  });

  it("the plugin's command reports its coded error with code and actions, in --json and in text", async () => {
    expect((await agentcore(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(work, 'Demo');
    const json = await agentcore(['acme-hmac', 'resources', '--json'], root);
    expect(json.exitCode).toBe(1);
    expect(json.json).toEqual({
      name: 'AcmeHmacUnusedError',
      code: 'ERR_ACME_HMAC_UNUSED',
      message: 'Nothing in project Demo uses ACME_HMAC.',
      actions: [
        'Attach it with `agentcore add gateway-target --outbound-auth acme-hmac …` (see `agentcore add gateway-target --help`).',
      ],
      details: { project: 'Demo' },
      exitCode: 1,
    });
    const text = await agentcore(['acme-hmac', 'resources'], root);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toBe(
      'Error (ERR_ACME_HMAC_UNUSED): Nothing in project Demo uses ACME_HMAC.\n' +
        '  → Attach it with `agentcore add gateway-target --outbound-auth acme-hmac …` (see `agentcore add gateway-target --help`).\n',
    );
    const usage = await agentcore(['acme-hmac', 'resources', '--bogus', '--json'], root);
    expect(usage.exitCode).toBe(2);
    expect(usage.json?.code).toBe('ERR_USAGE');
  });

  it('add gateway-target with the strategy, then status and the command show it', async () => {
    expect((await agentcore(['add', 'gateway', '--name', 'gw', '--json'], root)).exitCode).toBe(0);
    const cred = await agentcore(
      ['add', 'credential', '--name', 'AcmeKey', '--type', 'api-key', '--api-key', '-', '--json'],
      root,
      'acme-secret-1\n',
    );
    expect(cred.exitCode, cred.stdout + cred.stderr).toBe(0);
    const add = await agentcore(
      [
        'add',
        'gateway-target',
        '--gateway',
        'gw',
        '--name',
        'files',
        '--type',
        'mcp-server',
        '--endpoint',
        'https://mcp.example.com/mcp',
        '--outbound-auth',
        NAME,
        '--credential-name',
        'AcmeKey',
        '--acme-hmac-header',
        'X-Acme-Key',
        '--json',
      ],
      root,
    );
    expect(add.exitCode, add.stdout + add.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      agentCoreGateways: { targets: { outboundAuth?: unknown }[] }[];
    };
    expect(config.agentCoreGateways[0]?.targets[0]?.outboundAuth).toEqual({
      type: 'ACME_HMAC',
      credentialName: 'AcmeKey',
      header: 'X-Acme-Key',
    });
    const status = await agentcore(['status', '--json'], root);
    expect(status.exitCode, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain('ACME_HMAC');
    expect(status.stdout).not.toContain('acme-secret-1');
    const used = await agentcore<{ kind: string; name: string }[]>(['acme-hmac', 'resources', '--json'], root);
    expect(used.json?.result).toEqual([{ kind: 'gateway target', name: 'gw/files' }]);
  });

  const ENV_LOCAL = () => readFile(join(root, 'agentcore', '.env.local'), 'utf8');
  const PASSWORD = 'pa55-w0rd-basic';
  const BASIC_KEYS = ['AGENTCORE_CREDENTIAL_BASIC_USERNAME', 'AGENTCORE_CREDENTIAL_BASIC_PASSWORD'];

  it("add credential --type acme-basic stores both secret fields encrypted under the kind's env names", async () => {
    const help = await agentcore(['add', 'credential', '--help']);
    expect(help.stdout).toContain('--password');
    expect(help.stdout).toContain('acme-basic');
    const missing = await agentcore(['add', 'credential', '--name', 'Basic', '--type', 'acme-basic', '--json'], root);
    expect(missing.exitCode).toBe(1);
    expect(missing.json?.code).toBe('ERR_INVALID_INPUT');
    expect(missing.json?.actions?.[0]).toBe(
      'Set ACME_BASIC_USERNAME and pass --password - with the password on stdin.',
    );
    const r = await agentcore<{ authorizerType: string; envKeys: string[] }>(
      ['add', 'credential', '--name', 'Basic', '--type', 'acme-basic', '--password', '-', '--json'],
      root,
      PASSWORD,
      { ACME_BASIC_USERNAME: 'alice' },
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result).toEqual({
      name: 'Basic',
      authorizerType: 'AcmeBasicCredentialProvider',
      envKeys: BASIC_KEYS,
      replaced: false,
    });
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    const env = await ENV_LOCAL();
    for (const key of BASIC_KEYS) expect(env).toMatch(new RegExp(`^${key}="enc:v1:`, 'm'));
    expect(env).not.toContain(PASSWORD);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      credentials: unknown[];
    };
    expect(config.credentials).toContainEqual({ authorizerType: 'AcmeBasicCredentialProvider', name: 'Basic' });
  });

  it("the core refuses the Basic strategy naming an API-key credential (the strategy's credentialKind)", async () => {
    const before = await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8');
    const r = await agentcore(basicTarget('AcmeKey', 'https://mcp.example.com/mcp'), root);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_CONFIG_INVALID');
    expect(r.json?.message).toContain(
      'ACME_BASIC outbound auth names credential AcmeKey, which is an ApiKeyCredentialProvider, not an AcmeBasicCredentialProvider',
    );
    expect(r.json?.actions?.[0]).toBe(
      'Add the credential with `agentcore add credential --type acme-basic --name AcmeKey --username - --password -`, or fix outboundAuth.credentialName.',
    );
    expect(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')).toBe(before);
  });

  it('with its own credential: status shows it, and agentcore dev sends Basic auth to a real MCP upstream', async () => {
    const expected = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
    const upstream = await startMcpServer({ auth: { location: 'HEADER', name: 'Authorization', value: expected } });
    let dev: ChildProcess | undefined;
    try {
      const add = await agentcore(basicTarget('Basic', upstream.url), root);
      expect(add.exitCode, add.stdout + add.stderr).toBe(0);
      const status = await agentcore<{ targets: unknown[]; credentials: unknown[] }>(['status', '--json'], root);
      expect(status.exitCode, status.stdout + status.stderr).toBe(0);
      expect(status.json?.result?.targets).toContainEqual(
        expect.objectContaining({
          name: 'basic',
          outboundAuth: expect.objectContaining({ type: 'ACME_BASIC', credentialName: 'Basic' }),
        }),
      );
      expect(status.json?.result?.credentials).toContainEqual(
        expect.objectContaining({ name: 'Basic', kind: 'AcmeBasicCredentialProvider', secretsPresent: true }),
      );
      expect(status.stdout).not.toContain(PASSWORD);
      const text = await agentcore(['status'], root);
      expect(text.stdout).toMatch(/Basic\s+acme-basic/);
      dev = spawn(process.execPath, [bin, 'dev', '--json'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      dev.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const ready = JSON.parse(await firstLine(dev, () => stderr)) as {
        status: number;
        result: { gateways: { name: string; url: string }[] };
      };
      expect(ready.status).toBe(0);
      const client = new Client({ name: 'e2e', version: '0.0.1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(ready.result.gateways[0]?.url ?? '')));
      try {
        const r = await client.callTool({ name: 'basic___add', arguments: { a: 20, b: 22 } });
        expect(r.content).toEqual([{ type: 'text', text: '42' }]);
        expect(upstream.lastRequest()?.headers.authorization).toBe(expected);
        expect(upstream.lastRequest()?.authorized).toBe(true);
      } finally {
        await client.close();
      }
      expect(stderr).not.toContain(PASSWORD);
    } finally {
      if (dev && dev.exitCode === null) {
        const exited = new Promise((resolve) => dev?.once('exit', resolve));
        dev.kill('SIGTERM');
        await exited;
      }
      await upstream.close();
    }
  });

  it('synth refuses the local-only credential kind, coded, naming the kind', async () => {
    const r = await agentcore(['synth', '--json'], root);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_CREDENTIAL_LOCAL_ONLY');
    expect(r.json?.message).toContain('Credential Basic is of kind acme-basic');
  });

  it('remove credential is refused while a target uses it, then removes both env entries', async () => {
    const refused = await agentcore(['remove', 'credential', '--name', 'Basic', '--json'], root);
    expect(refused.exitCode).toBe(1);
    expect(refused.json?.code).toBe('ERR_IN_USE');
    expect(await ENV_LOCAL()).toContain('AGENTCORE_CREDENTIAL_BASIC_PASSWORD=');
    const target = await agentcore(['remove', 'gateway-target', '--gateway', 'gw', '--name', 'basic', '--json'], root);
    expect(target.exitCode, target.stdout + target.stderr).toBe(0);
    const r = await agentcore<{ envKeys: string[] }>(['remove', 'credential', '--name', 'Basic', '--json'], root);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result?.envKeys).toEqual(BASIC_KEYS);
    const env = await ENV_LOCAL();
    expect(env).not.toContain('AGENTCORE_CREDENTIAL_BASIC_');
    expect(env).toContain('AGENTCORE_CREDENTIAL_ACMEKEY=');
  });

  it('plugins --json answers in the envelope', async () => {
    const r = await agentcore<{ name: string; type: string }[]>(['plugins', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.json?.status).toBe(0);
    expect(r.json?.warnings).toEqual([]);
    expect(r.json?.result).toEqual(expect.arrayContaining([expect.objectContaining({ name: PACKAGE, type: 'user' })]));
  });
});
