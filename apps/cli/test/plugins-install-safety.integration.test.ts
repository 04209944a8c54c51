/**
 * `plugins install` / `link` never run a plugin's install scripts (npm runs with ignore-scripts, and says so), and a
 * plugin that redefines a core command or auth type is named loudly: a warning on every run for a command (the core
 * one runs), an error for an auth type.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('./registry/fixtures/', import.meta.url));
const PLUGIN = 'agentcore-plugin-install-scripts';
let sb: Sandbox;
let markers: string;
let env: NodeJS.ProcessEnv;

function npm(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: { ...sb.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

beforeAll(async () => {
  sb = await createSandbox();
  markers = join(sb.dir, 'markers');
  await mkdir(markers);
  await mkdir(sb.env.HOME ?? join(sb.dir, 'home'), { recursive: true });
  env = { OCLIF_DISABLE_LINKED_ESM_WARNING: '1', AGENTCORE_TEST_MARKER_DIR: markers, npm_config_offline: 'true' };
});
afterAll(async () => {
  await sb.cleanup();
});

describe('plugin install scripts', { timeout: 240_000 }, () => {
  it('plugins install <tarball>: no install script runs, the plugin works, and the output says so', async () => {
    const packed = await npm(
      ['pack', '--ignore-scripts', '--pack-destination', sb.dir],
      join(FIXTURES, 'install-scripts'),
    );
    expect(packed.code, packed.out).toBe(0);
    const tarball = join(sb.dir, `${PLUGIN}-1.0.0.tgz`);
    const install = await sb.run(['plugins', 'install', `file:${tarball}`], { env, timeoutMs: 120_000 });
    expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    expect(await readdir(markers)).toEqual([]);
    expect(install.stdout + install.stderr).toMatch(/install scripts are not run/i);
    const hello = await sb.run(['fixture-hello'], { env });
    expect(hello.exitCode, hello.stderr).toBe(0);
    expect(hello.stdout).toContain(`hello from ${PLUGIN}`);

    const update = await sb.run(['plugins', 'update'], { env, timeoutMs: 120_000 });
    expect(update.exitCode, update.stdout + update.stderr).toBe(0);
    expect(update.stdout + update.stderr).toMatch(/install scripts are not run/i);
    expect(await readdir(markers)).toEqual([]);
    expect((await sb.run(['plugins', 'uninstall', PLUGIN], { env })).exitCode).toBe(0);
  });

  it('plugins link (which runs npm install in the plugin folder): no install script runs', async () => {
    const dir = join(sb.dir, 'linked');
    await cp(join(FIXTURES, 'install-scripts'), dir, { recursive: true });
    const lock = await npm(['install', '--package-lock-only', '--ignore-scripts'], dir);
    expect(lock.code, lock.out).toBe(0);
    const link = await sb.run(['plugins', 'link', dir, '--install'], { env, timeoutMs: 120_000 });
    expect(link.exitCode, link.stdout + link.stderr).toBe(0);
    expect(await readdir(markers)).toEqual([]);
    expect(link.stdout + link.stderr).toMatch(/install scripts are not run/i);
    expect((await sb.run(['fixture-hello'], { env })).stdout).toContain(`hello from ${PLUGIN}`);
    expect((await sb.run(['plugins', 'unlink', PLUGIN], { env })).exitCode).toBe(0);
  });
});

describe('a plugin that shadows core', { timeout: 120_000 }, () => {
  it('a core command: the core one runs, and every run warns naming the plugin and the command', async () => {
    const link = await sb.run(['plugins', 'link', join(FIXTURES, 'shadowing'), '--no-install'], { env });
    expect(link.exitCode, link.stdout + link.stderr).toBe(0);
    for (const args of [['status', '--json'], ['plugins']]) {
      const r = await sb.run(args, { env });
      expect(r.stdout).not.toContain('SHADOWED STATUS');
      expect(r.stderr).toMatch(/Plugin agentcore-plugin-shadowing defines the command "status"/);
    }
  });

  it('a core auth type: commands that load strategies stop with an error naming both packages and the type', async () => {
    const r = await sb.run(['create', '--name', 'Shadowed', '--json'], {
      env: { ...env, AGENTCORE_TEST_SHADOW_TYPE: '1' },
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.json?.code).toBe('ERR_STRATEGY_DUPLICATE');
    expect(r.json?.message).toContain('CUSTOM_JWT');
    expect(r.json?.message).toContain('agentcore-plugin-shadowing');
    expect(r.json?.actions?.[0]).toContain('agentcore plugins uninstall agentcore-plugin-shadowing');
    const unlink = await sb.run(['plugins', 'unlink', 'agentcore-plugin-shadowing'], {
      env: { ...env, AGENTCORE_TEST_SHADOW_TYPE: '1' },
    });
    expect(unlink.exitCode, unlink.stdout + unlink.stderr).toBe(0);
    expect((await sb.run(['plugins'], { env })).stderr).not.toContain('agentcore-plugin-shadowing');
  });
});
