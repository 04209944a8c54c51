/**
 * `agentcore plugins generate` writes a plugin skeleton that declares the host's packages as caret-range peers (plus
 * the exact versions as dev dependencies), and refuses bad names and non-empty folders. Building, testing, packing and
 * installing a generated plugin from a real registry, outside this repository, is plugin-kit.e2e.test.ts. A linked
 * plugin built for another strategy contract is skipped with a warning naming both versions, and the CLI keeps working.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE_99 = fileURLToPath(new URL('./registry/fixtures/contract-99', import.meta.url));
let sb: Sandbox;
const env = { OCLIF_DISABLE_LINKED_ESM_WARNING: '1' };

const versionOf = async (pkgJson: string): Promise<string> =>
  (JSON.parse(await readFile(join(REPO, pkgJson), 'utf8')) as { version: string }).version;

async function generate(name: string, direction: 'inbound' | 'outbound'): Promise<string> {
  const dir = join(sb.dir, name);
  const r = await sb.run<{ files: string[]; type: string }>(
    ['plugins', 'generate', name, '--direction', direction, '--dir', dir, '--json'],
    { env },
  );
  expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  expect([...(r.json?.result?.files ?? [])].sort()).toEqual(
    [
      'package.json',
      'tsconfig.json',
      '.gitignore',
      'src/strategy.ts',
      'src/strategy.test.ts',
      'src/hooks/strategies.ts',
      'src/messages.ts',
      'src/errors.ts',
      'src/usage.ts',
      'src/usage.test.ts',
      `src/commands/${name}/resources.ts`,
      'messages/strategy.md',
      'README.md',
    ].sort(),
  );
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

  it.each([
    ['acme-hmac', 'outbound'],
    ['acme-sso', 'inbound'],
  ] as const)('%s (%s): the host packages are caret-range peers plus exact dev dependencies', async (name, dir) => {
    const out = await generate(name, dir);
    const pjson = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    const kit = await versionOf('packages/plugin-kit/package.json');
    const oclif = await versionOf('node_modules/@oclif/core/package.json');
    expect(pjson.peerDependencies).toEqual({ '@agentcore/plugin-kit': `^${kit}`, '@oclif/core': `^${oclif}` });
    expect(pjson.devDependencies).toMatchObject({ '@agentcore/plugin-kit': kit, '@oclif/core': oclif });
    expect(Object.keys(pjson.dependencies ?? {})).toEqual(['zod']);
    const sources = await readFile(join(out, 'src/strategy.ts'), 'utf8');
    expect(sources).toContain("from '@agentcore/plugin-kit'");
    expect(sources).not.toMatch(/@agentcore\/(auth|schema)/);
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
  });
});
