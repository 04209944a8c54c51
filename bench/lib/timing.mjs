/** Shared timing helpers for benches: wall-clock of child processes, medians, interleaved repetitions. */
import { spawnSync } from 'node:child_process';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** Run a process to completion; returns wall time in ms. Throws when it fails (a bench must not time errors). */
export function timeProcess(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0)
    throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || '').slice(0, 500)}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Interleaved repetitions: each round runs every case once, in a rotated order, so load changes on a shared
 * machine hit all cases alike. Returns ms samples per case name.
 */
export function interleave(cases, rounds) {
  const samples = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + round) % cases.length];
      samples[c.name].push(c.run(round).ms);
    }
  }
  return samples;
}
