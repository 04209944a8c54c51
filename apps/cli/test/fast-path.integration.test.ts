/**
 * The cold-start fast paths of bin/run.js must be indistinguishable from oclif's normal dispatch
 * (AGENTCORE_FAST_PATH=0): same stdout, stderr, exit code and `--json` envelope, and they must really be taken.
 * The bundled files must be what the build makes from the current dist/ (scripts/build-fast.mjs --check).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BIN, createSandbox, spawnNode, type ProcessOutcome, type Sandbox } from './helpers.js';

const NORMAL = { AGENTCORE_FAST_PATH: '0' };
/** Preload that prints the number of @oclif/core modules the process loaded (0 on a bundled fast path). */
const RECORDER = `data:text/javascript,${encodeURIComponent(
  "import{registerHooks}from'node:module';let n=0;registerHooks({load(u,c,x){if(u.includes('/node_modules/@oclif/core/'))n++;return x(u,c)}});process.on('exit',()=>process.stderr.write('\\n[oclif-modules '+n+']\\n'))",
)}`;

function runRaw(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; nodeArgs?: string[] },
): Promise<ProcessOutcome> {
  return spawnNode([...(options.nodeArgs ?? []), BIN, ...args], options);
}

/** Preload that prints how many JavaScript files (not Node built-ins) the process loaded. */
const FILE_RECORDER = `data:text/javascript,${encodeURIComponent(
  "import{registerHooks}from'node:module';const s=new Set();registerHooks({load(u,c,x){if(u.startsWith('file:'))s.add(u);return x(u,c)}});process.on('exit',()=>process.stderr.write('\\n[files '+s.size+']\\n'))",
)}`;

/** Number of @oclif/core modules loaded by one run (fast path: 0). */
async function oclifModules(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<number> {
  const r = await runRaw(args, { ...options, nodeArgs: ['--import', RECORDER] });
  const m = /\[oclif-modules (\d+)\]/.exec(r.stderr);
  if (!m?.[1]) throw new Error(`no module count in stderr: ${r.stderr}`);
  return Number(m[1]);
}

/** Absolute paths differ between the two projects; make them comparable. */
const normalise = (o: ProcessOutcome, ...paths: string[]) => {
  const strip = (s: string) => paths.reduce((acc, p) => acc.split(p).join('<root>'), s);
  return { exitCode: o.exitCode, stdout: strip(o.stdout), stderr: strip(o.stderr) };
};

describe('cold-start fast paths behave exactly like oclif', () => {
  let sb: Sandbox;
  let fastRoot: string;
  let normalRoot: string;

  beforeAll(async () => {
    sb = await createSandbox();
    await mkdir(join(sb.dir, 'f'));
    await mkdir(join(sb.dir, 'n'));
    for (const d of ['f', 'n']) {
      const r = await sb.run(['create', '--name', 'Same', '--json'], { cwd: join(sb.dir, d) });
      expect(r.exitCode, r.stderr).toBe(0);
    }
    fastRoot = join(sb.dir, 'f', 'Same');
    normalRoot = join(sb.dir, 'n', 'Same');
  });
  afterAll(() => sb.cleanup());

  const both = async (args: string[], options: { input?: string; cwd?: (root: string) => string } = {}) => {
    const cwdFor = options.cwd ?? ((root: string) => root);
    const fast = await runRaw(args, { cwd: cwdFor(fastRoot), env: sb.env, input: options.input });
    const normal = await runRaw(args, { cwd: cwdFor(normalRoot), env: { ...sb.env, ...NORMAL }, input: options.input });
    return {
      fast: normalise(fast, fastRoot, join(sb.dir, 'f')),
      normal: normalise(normal, normalRoot, join(sb.dir, 'n')),
    };
  };

  it.each([[['--version']], [['--version', 'extra']], [['--help']], [[]]])(
    'prints what oclif prints for %j',
    async (args) => {
      const { fast, normal } = await both(args);
      expect(normal.exitCode).toBe(0);
      expect(fast).toEqual(normal);
      expect(await oclifModules(args, { cwd: sb.dir, env: sb.env })).toBe(0);
    },
  );

  it('takes the normal path for help of a command and for `-h`', async () => {
    for (const args of [['add', 'credential', '--help'], ['add', '--help'], ['-h']]) {
      const { fast, normal } = await both(args);
      expect(fast).toEqual(normal);
      expect(await oclifModules(args, { cwd: sb.dir, env: sb.env })).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      'api-key, --json',
      ['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-', '--json'],
      's3cret',
    ],
    [
      'oauth, human output',
      [
        'add',
        'credential',
        '--name',
        'O1',
        '--type',
        'oauth',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--client-id',
        'cid',
        '--client-secret',
        '-',
      ],
      'csecret',
    ],
    ['duplicate', ['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-', '--json'], 'x'],
    ['duplicate, human output', ['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-'], 'x'],
    ['unknown flag', ['add', 'credential', '--nope', '--json'], ''],
    ['missing required flag', ['add', 'credential', '--type', 'api-key', '--json'], ''],
    ['missing required flag, human output', ['add', 'credential', '--type', 'api-key'], ''],
    ['invalid name', ['add', 'credential', '--name', 'bad name', '--type', 'api-key', '--api-key', '-', '--json'], 'x'],
    [
      'reserved suffix',
      ['add', 'credential', '--name', 'my-client-id', '--type', 'api-key', '--api-key', '-', '--json'],
      'x',
    ],
    [
      'empty secret on stdin',
      ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-', '--json'],
      '',
    ],
    [
      'secret on the command line (warning)',
      ['add', 'credential', '--name', 'K3', '--type', 'api-key', '--api-key', 'literal', '--json'],
      '',
    ],
    ['--flag=value form', ['add', 'credential', '--name=K4', '--type=api-key', '--api-key=-', '--json'], 'k4'],
    [
      'repeated --scopes',
      [
        'add',
        'credential',
        '--name',
        'O2',
        '--type',
        'oauth',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--client-id',
        'cid',
        '--client-secret',
        '-',
        '--scopes',
        'read',
        '--scopes',
        'write,admin',
        '--json',
      ],
      'csecret',
    ],
    [
      '--force replaces, human output',
      ['add', 'credential', '--name', 'K4', '--type', 'api-key', '--api-key', '-', '--force'],
      'k4-again',
    ],
    [
      'greedy --scopes (oclif takes every word up to the next flag)',
      [
        'add',
        'credential',
        '--name',
        'O3',
        '--type',
        'oauth',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--client-id',
        'cid',
        '--client-secret',
        '-',
        '--scopes',
        'a',
        'b',
        '--json',
      ],
      'csecret',
    ],
    ['a value that looks like a flag', ['add', 'credential', '--name', '-x', '--type', 'api-key', '--json'], ''],
  ])('add credential: %s gives the same outcome on both paths', async (_label, args, input) => {
    const { fast, normal } = await both(args, { input });
    expect(fast).toEqual(normal);
    expect(fast.stdout + fast.stderr).not.toMatch(/s3cret|csecret|literal\b.*enc/);
  });

  it.each([
    [
      'a single-value flag given twice',
      ['add', 'credential', '--name', 'A', '--name', 'B', '--type', 'api-key', '--api-key', '-', '--json'],
      {},
    ],
    ['a bare word', ['add', 'credential', 'extra', '--json'], {}],
    [
      'an argument after --',
      ['add', 'credential', '--name', 'A', '--type', 'api-key', '--api-key', '-', '--json', '--', 'extra'],
      {},
    ],
    [
      'AGENTCORE_CONTENT_TYPE=json',
      ['add', 'credential', '--name', 'K5', '--type', 'api-key', '--api-key', '-'],
      { AGENTCORE_CONTENT_TYPE: 'json' },
    ],
  ])('add credential: %s is left to oclif, with the same outcome', async (_label, args, env) => {
    const fast = await runRaw(args, { cwd: fastRoot, env: { ...sb.env, ...env }, input: 'k' });
    const normal = await runRaw(args, { cwd: normalRoot, env: { ...sb.env, ...env, ...NORMAL }, input: 'k' });
    expect(normalise(fast, fastRoot, join(sb.dir, 'f'))).toEqual(normalise(normal, normalRoot, join(sb.dir, 'n')));
    // Outside the project (nothing written there): only which path ran is checked.
    expect(await oclifModules(args, { cwd: sb.dir, env: { ...sb.env, ...env }, input: 'k' })).toBeGreaterThan(0);
  });

  it('writes the same config and the same .env.local keys on both paths', async () => {
    const [fc, nc] = await Promise.all([
      readFile(join(fastRoot, 'agentcore', 'agentcore.json'), 'utf8'),
      readFile(join(normalRoot, 'agentcore', 'agentcore.json'), 'utf8'),
    ]);
    expect(fc).toBe(nc);
    const keys = async (root: string) =>
      (await readFile(join(root, 'agentcore', '.env.local'), 'utf8')).split('\n').map((l) => l.split('=')[0]);
    expect(await keys(fastRoot)).toEqual(await keys(normalRoot));
  });

  it('fails the same way outside a project', async () => {
    const { fast, normal } = await both(
      ['add', 'credential', '--name', 'K', '--type', 'api-key', '--api-key', '-', '--json'],
      { input: 'k', cwd: () => sb.dir },
    );
    expect(fast).toEqual(normal);
    expect(JSON.parse(fast.stdout)).toMatchObject({ code: 'ERR_PROJECT_NOT_FOUND' });
  });

  it('runs add credential from one bundled file, without loading oclif', async () => {
    const args = ['add', 'credential', '--name', 'Probe', '--type', 'api-key', '--api-key', '-', '--json'];
    expect(await oclifModules(args, { cwd: fastRoot, env: sb.env, input: 'k' })).toBe(0);
    const r = await runRaw(['add', 'credential', '--name', 'Probe2', '--type', 'api-key', '--api-key', '-', '--json'], {
      cwd: fastRoot,
      env: sb.env,
      input: 'k',
      nodeArgs: ['--import', FILE_RECORDER],
    });
    expect(r.exitCode, r.stderr).toBe(0);
    // bin/run.js and dist/fast-path/add-credential.js (oclif's parser is inside); the normal path loads hundreds
    expect(/\[files (\d+)\]/.exec(r.stderr)?.[1]).toBe('2');
  });

  it('leaves add credential to oclif when a user theme colours its JSON', async () => {
    // oclif's config dir is AGENTCORE_CONFIG_DIR when set (as in the sandbox), else $XDG_CONFIG_HOME/agentcore.
    const configDir = join(sb.dir, 'config-with-theme');
    await mkdir(configDir, { recursive: true });
    await writeFile(join(configDir, 'theme.json'), JSON.stringify({ json: { key: 'cyan' } }));
    const env = { ...sb.env, AGENTCORE_CONFIG_DIR: configDir };
    // Outside a project, so no secret key is made in the themed config dir: only the dispatch is checked.
    expect(
      await oclifModules(['add', 'credential', '--name', 'Themed', '--type', 'api-key', '--api-key', '-', '--json'], {
        cwd: sb.dir,
        env,
        input: 'k',
      }),
    ).toBeGreaterThan(0);
  });

  it('takes the fast path for command lines oclif parses that a hand-written parser would not', async () => {
    for (const args of [
      ['add', 'credential', '--name', 'G1', '--type', 'oauth', '--scopes', 'a', 'b', '--json'],
      ['add', 'credential', '--name', '-x', '--type', 'api-key', '--json'],
    ])
      expect(await oclifModules(args, { cwd: sb.dir, env: sb.env })).toBe(0);
  });

  it('ships the fast-path files the build makes from the current dist/', async () => {
    const cli = dirname(dirname(BIN));
    const r = await spawnNode([join(cli, 'scripts', 'build-fast.mjs'), '--check'], {
      cwd: cli,
      env: sb.env,
      timeoutMs: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('fast paths up to date');
    expect(r.exitCode).toBe(0);
  }, 150_000);

  it('falls back to oclif when the user has installed or linked plugins', async () => {
    const dataDir = join(sb.dir, 'xdg-data-with-plugins');
    await mkdir(join(dataDir, 'agentcore'), { recursive: true });
    await writeFile(
      join(dataDir, 'agentcore', 'package.json'),
      JSON.stringify({ private: true, oclif: { plugins: [{ name: 'agentcore-plugin-nothing', type: 'user' }] } }),
    );
    const env = { ...sb.env, XDG_DATA_HOME: dataDir };
    expect(await oclifModules(['--version'], { cwd: sb.dir, env })).toBeGreaterThan(0);
    expect(
      await oclifModules(['add', 'credential', '--name', 'Fallback', '--type', 'api-key', '--api-key', '-', '--json'], {
        cwd: fastRoot,
        env,
        input: 'k',
      }),
    ).toBeGreaterThan(0);
  });
});
