/**
 * Every bad input — invalid flags, duplicates, missing credentials, files that cannot be written — exits non-zero
 * with a coded error and its first action, and leaves the whole project folder (app/ included, modes included)
 * and a canary folder next to it byte-identical. Each case runs on its own copy of one project (built binary,
 * --json). The cases live in the bad-input-*.integration.test.ts files, one per theme.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, FIRST_ACTION, type Sandbox } from './helpers.js';
import { snapshotTree } from './tree-snapshot.js';

export interface Case {
  name: string;
  args: string[];
  code: string;
  exitCode?: number;
  input?: string;
  /** Break the project copy before the command runs. */
  prepare?: (root: string) => Promise<void>;
  /** What actions[0] must contain (default: any action). */
  action?: string;
}

export const configOf = (root: string) => join(root, 'agentcore', 'agentcore.json');
export const writeJson = (root: string, mutate: (c: Record<string, any>) => void) => async () => {
  const config = JSON.parse(await readFile(configOf(root), 'utf8'));
  mutate(config);
  await writeFile(configOf(root), JSON.stringify(config, null, 2) + '\n');
};
export const invalidJson = async (root: string) => writeFile(configOf(root), '{ "name": "Demo", ');
export const unreadable = async (root: string) => {
  await rm(configOf(root));
  await mkdir(configOf(root)); // a folder where the file should be: unreadable even for root
};
export const failsValidation = (root: string) =>
  writeJson(root, (c) => {
    c.runtimes[0].name = 'bad-name';
  })();
export const unknownKey = (root: string) =>
  writeJson(root, (c) => {
    c.surprise = true;
  })();

/** A file where agentcore/.cli (the lock's folder) should be: every write under the lock fails, even for root. */
export const stateDirIsAFile = async (root: string) => {
  await rm(join(root, 'agentcore', '.cli'), { recursive: true, force: true });
  await writeFile(join(root, 'agentcore', '.cli'), 'not a folder\n');
};
/** A file where app/ should be: scaffolding starter code fails. */
export const appIsAFile = async (root: string) => {
  await rm(join(root, 'app'), { recursive: true, force: true });
  await writeFile(join(root, 'app'), 'not a folder\n');
};
export const jwt = [
  '--authorizer-type',
  'custom-jwt',
  '--discovery-url',
  'https://idp.example.com/.well-known/openid-configuration',
];
export const writeFailed = { code: 'ERR_WRITE_FAILED', action: 'folder you can write to', prepare: stateDirIsAFile };

export const target = ['add', 'gateway-target', '--gateway', 'gw'];

/**
 * The cases of one theme, run concurrently, each on its own copy of one project: an agent, an api-key credential
 * (MyKey) and a gateway (gw) with a target (t1) that uses it.
 */
export function describeBadInput(theme: string, cases: readonly Case[]): void {
  describe(`bad input (${theme}) leaves the project byte-identical (built binary, --json)`, () => {
    let sb: Sandbox;
    let base: string;

    beforeAll(async () => {
      sb = await createSandbox();
      await sb.run(['create', '--name', 'Demo', '--json']);
      base = join(sb.dir, 'Demo');
      for (const [args, input] of [
        [['add', 'agent', '--name', 'Echo', '--template', 'node']],
        [['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'sekrit-value-1'],
        [['add', 'gateway', '--name', 'gw']],
        [
          [
            'add',
            'gateway-target',
            '--gateway',
            'gw',
            '--name',
            't1',
            '--type',
            'mcp-server',
            '--endpoint',
            'https://t1.example.com/mcp',
            '--outbound-auth',
            'api-key',
            '--credential-name',
            'MyKey',
          ],
        ],
      ] as [string[], string?][]) {
        const r = await sb.run([...args, '--json'], { cwd: base, ...(input ? { input } : {}) });
        expect(r.exitCode, r.stdout).toBe(0);
      }
    });
    afterAll(() => sb.cleanup());

    it.concurrent.each(cases.map((c, i) => ({ ...c, i })))(
      '$name → $code',
      async ({ i, args, code, exitCode, input, prepare, action }) => {
        const caseDir = join(sb.dir, 'cases', String(i));
        const root = join(caseDir, 'Demo');
        await cp(base, root, { recursive: true });
        // A canary next to the project: a failing command must never touch anything outside it.
        await mkdir(join(caseDir, 'canary'));
        await writeFile(join(caseDir, 'canary', 'keep.txt'), 'canary\n');
        await prepare?.(root);
        const before = snapshotTree(caseDir);
        const r = await sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}), timeoutMs: 60_000 });
        expect(r.exitCode, r.stdout + r.stderr).toBe(exitCode ?? 1);
        expect(r.json?.code, r.stdout + r.stderr).toBe(code);
        // The first action says what to do: the case's own words where it names them, else the code's usual advice.
        if (action) expect(r.json?.actions?.[0], r.stdout).toContain(action);
        else expect(r.json?.actions?.[0], r.stdout).toMatch(FIRST_ACTION[code] ?? /(?!)/);
        expect(r.stdout + r.stderr).not.toContain('sekrit-value-1');
        expect(snapshotTree(caseDir)).toEqual(before);
      },
    );
  });
}
