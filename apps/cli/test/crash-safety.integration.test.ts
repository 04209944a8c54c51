/**
 * kill -9 at any point of `add agent`, `add credential` and `remove` loses nothing (built binary, real processes).
 *
 * Four projects are worked on in parallel; in each, commands chosen by a seeded random generator are killed with
 * SIGKILL either at a named step (the `AGENTCORE_TEST_CRASH_AT` test hook, see docs/architecture.md) or after a
 * random delay. After every kill: agentcore.json parses and validates, and `git status` shows no file outside the
 * generated .gitignore files but the tracked project files (a secret write's temp file must be ignored). After every
 * fifth kill a command runs to completion, and then app/ holds no folder that agentcore.json never named (no
 * orphan staging folder) and every configured agent has its code folder. At the end `agentcore validate` passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectModel, type ProjectConfig } from '@agentcore/schema';
import { createSandbox, type RunResult, type Sandbox } from './helpers.js';

const SEED = Number(process.env['AGENTCORE_CRASH_SEED'] ?? 20_261_203);
const WORKERS = 4;
const KILLS_PER_WORKER = 50; // 200 kills in all
const SUCCESS_EVERY = 5;

/** The named steps each command passes (crashPoint calls in @agentcore/schema and add-agent.ts). */
const STEPS: Record<Op['kind'], readonly string[]> = {
  'add-agent': ['scaffold:file', 'add-agent:scaffolded', 'write:agentcore.json', 'update:config-written'],
  'add-credential': ['write:.env.local', 'update:env-written', 'write:agentcore.json'],
  'remove-agent': ['write:agentcore.json'],
  'remove-credential': ['write:.env.local', 'update:env-written', 'write:agentcore.json'],
};

interface Op {
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

function pickOp(config: ProjectConfig, random: () => number): Op {
  const agents = config.runtimes.map((r) => r.name);
  const credentials = config.credentials.map((c) => c.name);
  const name = (prefix: string) => `${prefix}${Math.floor(random() * 4)}`;
  const roll = random();
  if (roll < 0.35) {
    const n = name('A');
    return agents.includes(n) ? { kind: 'remove-agent', name: n } : { kind: 'add-agent', name: n };
  }
  if (roll < 0.7) {
    const n = name('K');
    return credentials.includes(n) ? { kind: 'remove-credential', name: n } : { kind: 'add-credential', name: n };
  }
  const existing = [...agents.map((n) => ({ kind: 'remove-agent' as const, name: n }))];
  existing.push(...credentials.map((n) => ({ kind: 'remove-credential' as const, name: n })));
  return existing[Math.floor(random() * existing.length)] ?? { kind: 'add-credential', name: name('K') };
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
]);

interface WorkerReport {
  kills: number;
  /** Runs that really died by SIGKILL, per step (or `delay`). */
  died: Record<string, number>;
  successes: number;
  problems: string[];
}

async function worker(sb: Sandbox, index: number): Promise<WorkerReport> {
  const random = prng(SEED + index);
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
  for (let k = 0; k < KILLS_PER_WORKER && config && report.problems.length === 0; k++) {
    const op = pickOp(config, random);
    const steps = STEPS[op.kind];
    const kill =
      random() < 0.75
        ? { step: steps[Math.floor(random() * steps.length)] ?? '' }
        : { delayMs: 20 + Math.floor(random() * 300) };
    const killed = await run(op, kill);
    report.kills++;
    const where = kill.step ?? 'delay';
    if (killed.exitCode === -1) report.died[where] = (report.died[where] ?? 0) + 1;
    const label = `W${index} #${k} ${op.kind} ${op.name} ${kill.step ?? `${kill.delayMs} ms`} (exit ${killed.exitCode})`;
    config = check(label, false);
    if (!config || k % SUCCESS_EVERY !== SUCCESS_EVERY - 1) continue;
    const next = pickOp(config, random);
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

describe(`kill -9 during add agent / add credential / remove (seed ${SEED})`, () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await createSandbox();
  });
  afterAll(() => sb.cleanup());

  it(`${WORKERS * KILLS_PER_WORKER} kills: 0 invalid configs, 0 unignored leftovers, 0 orphan folders`, async () => {
    const reports = await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(sb, i)));
    const problems = reports.flatMap((r) => r.problems);
    expect(problems).toEqual([]);
    expect(reports.reduce((n, r) => n + r.kills, 0)).toBe(WORKERS * KILLS_PER_WORKER);
    // Not vacuous: every named step of every command was reached and killed there, and delays killed some runs.
    const died: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.died)) died[k] = (died[k] ?? 0) + v;
    for (const step of new Set([...Object.values(STEPS).flat(), 'delay'])) expect(died[step], step).toBeGreaterThan(0);
    expect(Object.values(died).reduce((a, b) => a + b, 0)).toBeGreaterThan(WORKERS * KILLS_PER_WORKER * 0.6);
    expect(reports.reduce((n, r) => n + r.successes, 0)).toBe(WORKERS * (KILLS_PER_WORKER / SUCCESS_EVERY));
  }, 88_000);
});
