/**
 * `agentcore plugins generate` writes a plugin whose own build and tests pass as generated; `plugins link` then
 * shows its strategy and flags in the attach command's help. A linked plugin built for another strategy contract
 * is skipped with a warning naming both versions, and the CLI keeps working.
 */
import { spawn } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE_99 = fileURLToPath(new URL('./registry/fixtures/contract-99', import.meta.url));
let sb: Sandbox;
const env = { OCLIF_DISABLE_LINKED_ESM_WARNING: '1' };

/** Run node with a repo tool inside the generated plugin (its node_modules links to the repo's). */
function runTool(cwd: string, script: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'node_modules', script), ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: sb.env.HOME, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

async function generateBuildTest(name: string, direction: 'inbound' | 'outbound'): Promise<string> {
  const dir = join(sb.dir, name);
  const r = await sb.run<{ files: string[]; type: string }>(
    ['plugins', 'generate', name, '--direction', direction, '--dir', dir, '--json'],
    { env },
  );
  expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  expect(r.json?.result?.files).toEqual(
    expect.arrayContaining([
      'package.json',
      'tsconfig.json',
      'src/strategy.ts',
      'src/hooks/strategies.ts',
      'src/strategy.test.ts',
      'messages/strategy.md',
      'README.md',
    ]),
  );
  // The host's packages are a caret-range peer (one copy at run time: the CLI's) plus the exact version for the build.
  const pjson = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const kitVersion = (
    JSON.parse(await readFile(join(REPO, 'packages/plugin-kit/package.json'), 'utf8')) as { version: string }
  ).version;
  expect(pjson.peerDependencies).toEqual({ '@agentcore/plugin-kit': `^${kitVersion}` });
  expect(pjson.devDependencies?.['@agentcore/plugin-kit']).toBe(kitVersion);
  expect(Object.keys(pjson.dependencies ?? {}).filter((d) => d.startsWith('@agentcore/'))).toEqual([]);
  // What `npm install` would give the author, offline: the repo's node_modules (@agentcore/auth, zod, typescript, vitest).
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const build = await runTool(dir, 'typescript/bin/tsc', ['-p', 'tsconfig.json']);
  expect(build.code, build.out).toBe(0);
  const test = await runTool(dir, 'vitest/vitest.mjs', ['run', '--cache=false']);
  expect(test.code, test.out).toBe(0);
  expect(test.out).toMatch(/3 passed/);
  return dir;
}

beforeAll(async () => {
  sb = await createSandbox();
});
afterAll(async () => {
  await sb.cleanup();
});

describe('agentcore plugins generate', { timeout: 240_000 }, () => {
  it('refuses a bad name and a non-empty folder, writing nothing', async () => {
    expect((await sb.run(['plugins', 'generate', 'Bad_Name', '--json'], { env })).json?.code).toBe('ERR_INVALID_INPUT');
    expect((await sb.run(['plugins', 'generate', 'api-key', '--json'], { env })).json?.code).toBe('ERR_INVALID_INPUT');
    expect(
      (await sb.run(['plugins', 'generate', 'x-auth', '--dir', join(REPO, 'apps', 'cli'), '--json'], { env })).json
        ?.code,
    ).toBe('ERR_DUPLICATE');
  });

  it('an outbound plugin builds, passes its tests, links, and its flags show in `add gateway-target --help`', async () => {
    const dir = await generateBuildTest('acme-hmac', 'outbound');
    const link = await sb.run(['plugins', 'link', dir, '--no-install'], { env });
    expect(link.exitCode, link.stderr).toBe(0);
    const plugins = JSON.parse((await sb.run(['plugins', '--json'], { env })).stdout) as {
      name: string;
      type: string;
    }[];
    expect(plugins).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'agentcore-auth-acme-hmac', type: 'link' })]),
    );
    const help = await sb.run(['add', 'gateway-target', '--help'], { env });
    expect(help.stdout).toContain('ACME_HMAC (AGENTCORE-AUTH-ACME-HMAC) FLAGS');
    expect(help.stdout).toContain('--acme-hmac-header');
  });

  it('an inbound plugin does the same for `add agent --help`', async () => {
    const dir = await generateBuildTest('acme-sso', 'inbound');
    expect((await sb.run(['plugins', 'link', dir, '--no-install'], { env })).exitCode).toBe(0);
    const help = await sb.run(['add', 'agent', '--help'], { env });
    expect(help.stdout).toContain('--acme-sso-allowed-client');
  });

  it('a plugin built for contract v99 is skipped with a warning naming v99 and v1; the CLI keeps working', async () => {
    expect((await sb.run(['plugins', 'link', FIXTURE_99, '--no-install'], { env })).exitCode).toBe(0);
    const r = await sb.run<{ name: string }>(['create', '--name', 'Future', '--json'], { env });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const warning = r.json?.warnings?.find((w) => w.includes('agentcore-auth-from-the-future'));
    expect(warning).toMatch(/v99/);
    expect(warning).toMatch(/v1\b/);
    const help = await sb.run(['add', 'gateway-target', '--help'], { env });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).not.toContain('--future-auth-mode');
    expect(help.stdout).toContain('--acme-hmac-header');
  });
});
