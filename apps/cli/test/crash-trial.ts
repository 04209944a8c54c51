/**
 * The kill -9 trial behind crash-safety-*.integration.test.ts (built binary, real processes).
 *
 * Four projects are worked on in parallel; in each, commands chosen by a seeded random generator are killed with
 * SIGKILL either at a named step (the `AGENTCORE_TEST_CRASH_AT` test hook, see docs/architecture.md) or after a
 * random delay. After every kill: agentcore.json parses and validates, and `git status` shows no file outside the
 * generated .gitignore files but the tracked project files (a secret write's temp file must be ignored). After every
 * fifth kill a command runs to completion, and then app/ holds no folder that agentcore.json never named (no
 * orphan staging folder) and every configured agent has its code folder. At the end `agentcore validate` passes.
 */
import { expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectModel, type ProjectConfig } from '@agentcore/schema';
import type { RunResult, Sandbox } from './helpers.js';

/** Fixed by default (printed in the test name); AGENTCORE_CRASH_SEED=<n> replays or varies it. */
export const SEED = Number(process.env['AGENTCORE_CRASH_SEED'] ?? 20_261_203);
export const WORKERS = 4;
const SUCCESS_EVERY = 5;

export interface TrialOptions {
  /** Kills per project (four projects). */
  killsPerWorker: number;
  /** Share of commands that add or remove an agent; the rest add or remove a credential. */
  agentShare: number;
  seed: number;
}

/** The named steps each command passes (crashPoint calls in @agentcore/schema and add-agent.ts). */
export const STEPS: Record<Op['kind'], readonly string[]> = {
  'add-agent': ['scaffold:file', 'add-agent:scaffolded', 'write:agentcore.json', 'update:config-written'],
  'add-credential': ['write:.env.local', 'update:env-written', 'write:agentcore.json'],
  'remove-agent': ['write:agentcore.json'],
  'remove-credential': ['write:.env.local', 'update:env-written', 'write:agentcore.json'],
};

export interface Op {
  kind: 'add-agent' | 'add-credential' | 'remove-agent' | 'remove-credential';
  name: string;
}

/** mulberry32: small, seedable, good enough to pick commands and delays reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const model = createProjectModel();
const readConfig = (root: string): ProjectConfig =>
  model.parse(JSON.parse(readFileSync(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as unknown).config;

function pickOp(config: ProjectConfig, random: () => number, agentShare: number): Op {
  const index = Math.floor(random() * 4);
  if (random() < agentShare) {
    const name = `A${index}`;
    return config.runtimes.some((r) => r.name === name) ? { kind: 'remove-agent', name } : { kind: 'add-agent', name };
  }
  const name = `K${index}`;
  return config.credentials.some((c) => c.name === name)
    ? { kind: 'remove-credential', name }
    : { kind: 'add-credential', name };
}

function argsOf(op: Op): { args: string[]; input?: string } {
  switch (op.kind) {
    case 'add-agent':
      return { args: ['add', 'agent', '--name', op.name, '--template', 'node'] };
    case 'add-credential':
      return {
        args: ['add', 'credential', '--name', op.name, '--type', 'api-key', '--api-key', '-'],
        input: `plain-secret-${op.name}`,
      };
    case 'remove-agent':
      return { args: ['remove', 'agent', '--name', op.name] };
    case 'remove-credential':
      return { args: ['remove', 'credential', '--name', op.name] };
  }
}

/** Files git would pick up with `git add -A` (untracked and not ignored). */
function unignoredFiles(root: string): string[] {
  const out = execFileSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
}

const TRACKED = new Set([
  '.gitignore',
  'agentcore/.gitignore',
  'agentcore/agentcore.json',
  'agentcore/agentcore.schema.json',
  'agentcore/aws-targets.json',
]);

export interface WorkerReport {
  kills: number;
  /** Runs that really died by SIGKILL, per `<command> <step>` (or `<command> delay`). */
  died: Record<string, number>;
  successes: number;
  problems: string[];
}

async function worker(sb: Sandbox, index: number, options: TrialOptions): Promise<WorkerReport> {
  const random = prng(options.seed + index);
  const report: WorkerReport = { kills: 0, died: {}, successes: 0, problems: [] };
  const created = await sb.run(['create', '--name', `W${index}`, '--json']);
  expect(created.exitCode, created.stdout + created.stderr).toBe(0);
  const root = join(sb.dir, `W${index}`);
  execFileSync('git', ['init', '-q', root]);
  const named = new Set<string>(); // app/ folders agentcore.json has named at some point (remove keeps the code)
  const run = (op: Op, kill: { step?: string; delayMs?: number }): Promise<RunResult> => {
    const { args, input } = argsOf(op);
    return sb.run([...args, '--json'], {
      cwd: root,
      ...(input ? { input } : {}),
      ...(kill.step ? { env: { AGENTCORE_TEST_CRASH_AT: kill.step } } : {}),
      timeoutMs: kill.delayMs ?? 60_000,
    });
  };
  const check = (label: string, afterSuccess: boolean) => {
    let config: ProjectConfig;
    try {
      config = readConfig(root);
    } catch (err) {
      report.problems.push(`${label}: invalid config: ${(err as Error).message}`);
      return undefined;
    }
    for (const r of config.runtimes) named.add(r.codeLocation.replace(/^app\//, '').replace(/\/$/, ''));
    for (const f of unignoredFiles(root)) {
      if (!TRACKED.has(f) && !f.startsWith('app/')) report.problems.push(`${label}: not ignored: ${f}`);
    }
    if (afterSuccess) {
      for (const entry of readdirSync(join(root, 'app')))
        if (!named.has(entry)) report.problems.push(`${label}: orphan app/${entry}`);
      for (const r of config.runtimes)
        if (!existsSync(join(root, r.codeLocation))) report.problems.push(`${label}: ${r.name} has no code folder`);
    }
    return config;
  };

  let config = check('start', true);
  // Stops at the first problem (so a regression fails fast instead of running into the time bound).
  for (let k = 0; k < options.killsPerWorker && config && report.problems.length === 0; k++) {
    const op = pickOp(config, random, options.agentShare);
    const steps = STEPS[op.kind];
    const kill =
      random() < 0.75
        ? { step: steps[Math.floor(random() * steps.length)] ?? '' }
        : { delayMs: 20 + Math.floor(random() * 300) };
    const killed = await run(op, kill);
    report.kills++;
    const where = `${op.kind} ${kill.step ?? 'delay'}`;
    if (killed.exitCode === -1) report.died[where] = (report.died[where] ?? 0) + 1;
    const label = `W${index} #${k} ${op.kind} ${op.name} ${kill.step ?? `${kill.delayMs} ms`} (exit ${killed.exitCode})`;
    config = check(label, false);
    if (!config || k % SUCCESS_EVERY !== SUCCESS_EVERY - 1) continue;
    const next = pickOp(config, random, options.agentShare);
    const ok = await run(next, {});
    report.successes++;
    if (ok.exitCode !== 0)
      report.problems.push(`${label} → ${next.kind} ${next.name} failed: ${ok.stdout}${ok.stderr}`);
    config = check(`${label} → ${next.kind} ${next.name}`, true);
  }
  const validated = await sb.run(['validate', '--json'], { cwd: root });
  if (validated.exitCode !== 0)
    report.problems.push(`W${index} final validate: ${validated.stdout}${validated.stderr}`);
  return report;
}

/**
 * Run the trial and assert it: no problem in any project, every kill done, and not vacuous — each step of each
 * command in `kinds` was reached and killed there, delays killed some runs, and most runs really died by SIGKILL.
 */
export async function runCrashTrial(sb: Sandbox, options: TrialOptions, kinds: readonly Op['kind'][]): Promise<void> {
  const reports = await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(sb, i, options)));
  expect(reports.flatMap((r) => r.problems)).toEqual([]);
  const kills = WORKERS * options.killsPerWorker;
  expect(reports.reduce((n, r) => n + r.kills, 0)).toBe(kills);
  expect(reports.reduce((n, r) => n + r.successes, 0)).toBe(
    WORKERS * Math.floor(options.killsPerWorker / SUCCESS_EVERY),
  );
  const died: Record<string, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.died)) died[k] = (died[k] ?? 0) + v;
  for (const kind of kinds)
    for (const step of STEPS[kind]) expect(died[`${kind} ${step}`], `${kind} ${step}`).toBeGreaterThan(0);
  expect(Object.entries(died).filter(([k]) => k.endsWith(' delay')).length).toBeGreaterThan(0);
  expect(Object.values(died).reduce((a, b) => a + b, 0)).toBeGreaterThan(kills * 0.6);
}
