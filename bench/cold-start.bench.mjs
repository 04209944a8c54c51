/**
 * Cold start of the built CLI against `node -e 0`, in one run with interleaved repetitions (median of
 * AGENTCORE_BENCH_REPS, default 15, after 2 warm-up runs that fill Node's compile cache):
 *   agentcore --version
 *   agentcore --help                        (stdout is a pipe, as in scripts)
 *   agentcore add credential … --api-key -  (non-interactive, temp project, fresh name each run, secret on stdin)
 * Target: each within 4× of `node -e 0`. For information the same commands are also timed with the fast paths off
 * (AGENTCORE_FAST_PATH=0, oclif's normal dispatch: `normalPathRatio`). One extra, untimed run per command records
 * the modules it loads, to report whether the fast path was taken and whether ink/react were loaded (they must not
 * be).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxEnv } from './lib/sandbox.mjs';
import { interleave, median, quantile, timeProcess } from './lib/timing.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'apps/cli/bin/run.js');
const RECORDER = join(REPO, 'bench/lib/record-modules.mjs');
const TARGET = 4;
const NODE = process.execPath;

function loadedPackages(args, options) {
  const out = join(options.cwd, `modules-${Math.random().toString(36).slice(2)}.json`);
  timeProcess(NODE, ['--import', RECORDER, ...args], {
    ...options,
    env: { ...options.env, AGENTCORE_BENCH_MODULES_OUT: out },
  });
  const urls = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const pkg = (name) => urls.some((u) => u.includes(`/node_modules/${name}/`));
  return { modules: urls.filter((u) => !u.startsWith('node:')).length, ink: pkg('ink'), react: pkg('react') };
}

export async function run() {
  if (!existsSync(join(REPO, 'apps/cli/dist/commands')))
    throw new Error('build the CLI first: tools/env.sh nx run @agentcore/cli:build');
  const rounds = Number(process.env.AGENTCORE_BENCH_REPS || 15);
  const dir = mkdtempSync(join(tmpdir(), 'agentcore-bench-'));
  try {
    const env = sandboxEnv(dir);
    timeProcess(NODE, [BIN, 'create', '--name', 'Bench', '--json'], { cwd: dir, env });
    const project = join(dir, 'Bench');
    let counter = 0;
    const credential = (extraEnv) => () =>
      timeProcess(
        NODE,
        [BIN, 'add', 'credential', '--name', `Key${counter++}`, '--type', 'api-key', '--api-key', '-', '--json'],
        {
          cwd: project,
          env: { ...env, ...extraEnv },
          input: 'bench-secret-value\n',
        },
      );
    const normal = { AGENTCORE_FAST_PATH: '0' };
    const cases = [
      { name: 'node -e 0', run: () => timeProcess(NODE, ['-e', '0'], { cwd: dir, env }) },
      { name: 'agentcore --version', run: () => timeProcess(NODE, [BIN, '--version'], { cwd: dir, env }) },
      { name: 'agentcore --help', run: () => timeProcess(NODE, [BIN, '--help'], { cwd: dir, env }) },
      { name: 'agentcore add credential', run: credential({}) },
      {
        name: 'normal:--version',
        run: () => timeProcess(NODE, [BIN, '--version'], { cwd: dir, env: { ...env, ...normal } }),
      },
      {
        name: 'normal:--help',
        run: () => timeProcess(NODE, [BIN, '--help'], { cwd: dir, env: { ...env, ...normal } }),
      },
      { name: 'normal:add credential', run: credential(normal) },
    ];
    interleave(cases, 2); // warm-up: compile cache, page cache
    const samples = interleave(cases, rounds);
    const base = median(samples['node -e 0']);
    const modules = {
      'agentcore --version': loadedPackages([BIN, '--version'], { cwd: dir, env }),
      'agentcore --help': loadedPackages([BIN, '--help'], { cwd: dir, env }),
      'agentcore add credential': loadedPackages(
        [BIN, 'add', 'credential', '--name', 'KeyModules', '--type', 'api-key', '--api-key', '-', '--json'],
        { cwd: project, env, input: 'x' },
      ),
    };
    return ['agentcore --version', 'agentcore --help', 'agentcore add credential'].map((name) => {
      const ms = median(samples[name]);
      const normalMs = median(samples[`normal:${name.replace('agentcore ', '')}`]);
      return {
        name: `cold start: ${name}`,
        ratio: ms / base,
        target: TARGET,
        details: {
          medianMs: ms,
          p25Ms: quantile(samples[name], 0.25),
          p75Ms: quantile(samples[name], 0.75),
          nodeMs: base,
          normalPathMs: normalMs,
          normalPathRatio: normalMs / base,
          reps: rounds,
          modules: modules[name].modules,
          // The fast path loads 1–2 modules; more means oclif's normal path ran (stale build, user plugins, …).
          fastPath: modules[name].modules <= 3 ? 'on' : 'OFF',
          ink: modules[name].ink ? 'LOADED' : 'no',
          react: modules[name].react ? 'LOADED' : 'no',
        },
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
