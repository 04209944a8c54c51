#!/usr/bin/env node
/**
 * Bench runner: imports every `bench/*.bench.mjs` (or those whose name contains one of the arguments), calls its
 * `run()` and prints the ratios against their targets. It measures; it does not gate: the exit code is 0 unless a
 * bench crashes. `--json` prints the results as JSON instead of a table.
 *
 * A bench module exports `run(): Promise<Result | Result[]>` with
 *   Result = { name: string, ratio: number, target?: number, details?: Record<string, unknown> }
 * `ratio` is "this run relative to its baseline measured in the same run" (lower is better unless the bench says
 * otherwise through `details.higherIsBetter`); `target` is the ratio the project aims for.
 *
 * Usage: tools/env.sh node bench/run.mjs [filter...] [--json]   (after a build)
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));

function verdict(r) {
  if (typeof r.ratio !== 'number' || !Number.isFinite(r.ratio)) return 'n/a';
  if (r.target === undefined) return '-';
  const ok = r.details?.higherIsBetter ? r.ratio >= r.target : r.ratio <= r.target;
  return ok ? 'pass' : 'FAIL';
}

function formatDetails(details = {}) {
  return Object.entries(details)
    .filter(([k]) => k !== 'higherIsBetter')
    .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(2) : Array.isArray(v) ? v.join('|') : v}`)
    .join(' ');
}

const files = (await readdir(BENCH_DIR))
  .filter((f) => f.endsWith('.bench.mjs') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
const results = [];
for (const file of files) {
  const started = Date.now();
  if (!asJson) process.stderr.write(`[bench] ${file} …\n`);
  try {
    const mod = await import(pathToFileURL(join(BENCH_DIR, file)).href);
    const out = await mod.run();
    for (const r of Array.isArray(out) ? out : [out]) results.push({ file, ...r, verdict: verdict(r) });
  } catch (err) {
    results.push({
      file,
      name: file.replace(/\.bench\.mjs$/, ''),
      ratio: Number.NaN,
      verdict: 'error',
      details: { error: err instanceof Error ? err.message : String(err) },
    });
  }
  if (!asJson) process.stderr.write(`[bench] ${file} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (asJson) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const rows = results.map((r) => [
    r.name,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : 'n/a',
    r.target === undefined ? '' : `${r.details?.higherIsBetter ? '≥' : '≤'} ${r.target}×`,
    r.verdict,
    formatDetails(r.details),
  ]);
  const head = ['bench', 'ratio', 'target', 'result', 'details'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  if (results.length === 0) console.log('(no bench matched)');
}
