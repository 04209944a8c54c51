/**
 * Non-interactive runs never load ink or react (STYLE rule 9: ink only on interactive paths). The built binary runs
 * with a module hook (`NODE_OPTIONS=--import <loader>`, `module.registerHooks`) that records every resolved module.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, createSandbox, runBin, type Sandbox } from './helpers.js';

const LOADER = `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
const log = process.env.AGENTCORE_MODULE_LOG;
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); if (log) appendFileSync(log, r.url + '\\n'); return r; } });
`;

/** ink, react and the wizard modules, by resolved URL. */
const INTERACTIVE =
  /\/node_modules\/(ink|react|ink-text-input|ink-select-input|react-reconciler)\/|\/dist\/tui\/launch\.js$/;

describe('non-interactive commands do not load ink or react', () => {
  let sb: Sandbox;
  let root: string;
  let loader: string;
  let n = 0;

  /** Run the binary with the module logger; returns the resolved module URLs. */
  async function modulesOf(
    args: string[],
    options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ): Promise<{ modules: string[]; exitCode: number }> {
    const log = join(sb.dir, `modules-${n++}.log`);
    await writeFile(log, '');
    const r = await runBin(args, {
      cwd: options.cwd ?? root,
      env: {
        ...sb.env,
        ...options.env,
        NODE_OPTIONS: `--import ${pathToFileURL(loader).href}`,
        AGENTCORE_MODULE_LOG: log,
      },
      input: options.input,
    });
    return { modules: (await readFile(log, 'utf8')).split('\n').filter(Boolean), exitCode: r.exitCode };
  }

  beforeAll(async () => {
    sb = await createSandbox();
    loader = join(sb.dir, 'module-log.mjs');
    await writeFile(loader, LOADER);
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
  });
  afterAll(() => sb.cleanup());

  it('the logger sees ink when the wizard module is loaded (control)', async () => {
    const log = join(sb.dir, 'control.log');
    await writeFile(log, '');
    const launch = pathToFileURL(join(BIN, '..', '..', 'dist', 'tui', 'launch.js')).href;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          pathToFileURL(loader).href,
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(launch)});`,
        ],
        { env: { ...sb.env, AGENTCORE_MODULE_LOG: log }, stdio: 'ignore' },
      );
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    });
    const modules = (await readFile(log, 'utf8')).split('\n');
    expect(modules.some((u) => /\/node_modules\/ink\//.test(u))).toBe(true);
    expect(modules.some((u) => /\/node_modules\/react\//.test(u))).toBe(true);
  });

  it.each([
    [
      'add credential (cold-start fast path)',
      ['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-', '--json'],
      {},
      0,
    ],
    [
      'add credential (oclif path)',
      ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-', '--json'],
      { AGENTCORE_FAST_PATH: '0' },
      0,
    ],
    ['add agent with every flag', ['add', 'agent', '--name', 'A1', '--template', 'node', '--json'], {}, 0],
    ['add agent with missing flags and no TTY', ['add', 'agent'], {}, 2],
    ['--help', ['--help'], {}, 0],
    ['--help (oclif path)', ['--help'], { AGENTCORE_FAST_PATH: '0' }, 0],
    ['add agent --help', ['add', 'agent', '--help'], {}, 0],
    ['status', ['status', '--json'], {}, 0],
  ] as [string, string[], NodeJS.ProcessEnv, number][])('%s', async (_label, args, env, expected) => {
    const { modules, exitCode } = await modulesOf(args, { input: 'sk-0123456789', env });
    expect(exitCode).toBe(expected);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((u) => INTERACTIVE.test(u))).toEqual([]);
  });
});
