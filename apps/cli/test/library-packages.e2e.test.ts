/**
 * Every public library package works as a plain library once published: `npm pack` each one, install the
 * tarballs into an empty folder (third-party packages from the local npm cache only), then run each README
 * example (packages/<pkg>/examples/*.mjs) there, import each entry point in a fresh process (no output, no
 * lingering work), and check the exported types exist. Bounded; leaves nothing running.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  npm,
  routedEnv,
  startCacheMirror,
  workspacePackages,
  type CacheMirror,
} from '../../../tools/local-registry.mjs';

const LIBRARIES = workspacePackages().filter((p) => p.name !== '@agentcore/cli');
let dir = '';
let app = '';
let mirror: CacheMirror | undefined;

function node(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: join(dir, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentcore-libraries-'));
  mirror = await startCacheMirror();
  const env = routedEnv(
    { registryUrl: mirror.url, mirrorUrl: mirror.url, cacheDir: join(dir, 'npm-cache') },
    { PATH: process.env.PATH, HOME: join(dir, 'home') },
  );
  const tarballs = join(dir, 'tarballs');
  await mkdir(tarballs, { recursive: true });
  for (const p of LIBRARIES)
    await npm(['pack', p.dir, '--pack-destination', tarballs, '--ignore-scripts', '--silent'], { env });
  app = join(dir, 'app');
  await mkdir(app, { recursive: true });
  await writeFile(join(app, 'package.json'), '{ "private": true, "type": "module" }\n');
  const files = (await readdir(tarballs)).map((f) => join(tarballs, f));
  await npm(['install', ...files, '--no-audit', '--no-fund'], { cwd: app, env, timeoutMs: 240_000 });
}, 300_000);

afterAll(async () => {
  await mirror?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('public packages as plain libraries, installed from their tarballs', { timeout: 120_000 }, () => {
  it('installed without reaching the network', () => {
    // npm may look up our own scope before settling on the local tarballs; every third-party package was found.
    expect(mirror?.requests.misses.filter((m) => !m.startsWith('@agentcore/'))).toEqual([]);
    expect(mirror?.requests.tarballs).toBeGreaterThan(0);
  });

  it.each(LIBRARIES.map((p) => [p.name, p] as const))(
    '%s: exports map with types, no side effects on import',
    async (name, p) => {
      const exportsMap = p.pjson.exports as Record<string, { types?: string; default?: string } | string>;
      const main = exportsMap['.'];
      expect(
        typeof main === 'object' && main.types && main.default,
        `${name} exports["."] needs types and default`,
      ).toBeTruthy();
      if (typeof main !== 'object' || !main.types) return;
      await stat(join(app, 'node_modules', name, main.types));
      const r = await node(['--input-type=module', '-e', `await import(${JSON.stringify(name)});`], app);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toBe('');
    },
  );

  it.each(LIBRARIES.map((p) => [p.name, p] as const))('%s: README examples run', async (name, p) => {
    const examples = (await readdir(join(p.dir, 'examples')).catch(() => [])).filter((f) => f.endsWith('.mjs'));
    expect(examples.length, `${name} needs packages/<pkg>/examples/*.mjs referenced from its README`).toBeGreaterThan(
      0,
    );
    for (const file of examples) {
      const copy = join(app, `${basename(p.dir)}-${file}`);
      await copyFile(join(p.dir, 'examples', file), copy);
      const r = await node([copy], app);
      expect(r.code, `${name} examples/${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout.trim().length).toBeGreaterThan(0);
    }
  });
});
