#!/usr/bin/env node
/**
 * Every repository path the docs name must exist: each backticked path in docs/*.md and README.md that starts with a
 * top-level folder of this repo (`apps/cli/src/synth`, `packages/dev/src/plan.ts`, `bench/README.md`, …), with
 * `{a,b}` alternatives expanded, and each relative Markdown link target. Placeholders (`<name>`, `*`, `…`) and paths
 * inside a user's project (`agentcore/.cli/…`) are not repository paths and are skipped.
 *
 *   node tools/check-doc-paths.mjs      (exit 1 with a list of missing paths)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = /^(apps|packages|tools|bench|docs|\.ci)\//;
/** MCP method names (`tools/list`, `tools/call`) look like paths under tools/ but are not. */
const MCP_METHOD = /^tools\/(list|call)$/;

/** `a/{b,c}.ts` → `a/b.ts`, `a/c.ts` (one level of braces is all the docs use). */
export function expandBraces(path) {
  const m = /\{([^{}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]
    .split(',')
    .flatMap((alt) => expandBraces(path.slice(0, m.index) + alt + path.slice(m.index + m[0].length)));
}

/** Pure: the repository paths a Markdown text names, each with its line number. */
export function namedPaths(text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const [, code] of line.matchAll(/`([^`\s]+)`/g)) {
      const path = code.replace(/[.,:;)]+$/, '');
      if (!TOP.test(path) || /[<>*…$]/.test(path) || MCP_METHOD.test(path)) continue;
      for (const p of expandBraces(path)) found.push({ path: p, line: i + 1, kind: 'path' });
    }
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^([a-z]+:|#)/i.test(target)) continue;
      found.push({ path: target.replace(/#.*$/, ''), line: i + 1, kind: 'link' });
    }
  });
  return found;
}

function main() {
  const docs = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const problems = [];
  let checked = 0;
  for (const doc of docs) {
    for (const { path, line, kind } of namedPaths(readFileSync(join(root, doc), 'utf8'))) {
      checked++;
      const full = kind === 'link' ? resolve(root, dirname(doc), path) : join(root, path);
      if (!existsSync(full))
        problems.push(`${doc}:${line}: ${kind === 'link' ? 'link to ' : ''}${path} does not exist`);
    }
  }
  if (problems.length) {
    console.error(`Docs name paths that do not exist:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`doc paths ok (${checked} paths in ${docs.length} files)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
