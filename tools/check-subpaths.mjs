#!/usr/bin/env node
/**
 * Every documented import of an @agentcore package must exist: each `exports` target of every public workspace
 * package points at a built file, and every `@agentcore/<pkg>[/subpath]` imported in the docs, READMEs and
 * examples is in that package's exports map (after jose's tools/check-subpaths).
 *
 *   node tools/check-subpaths.mjs      (after the build; exit 1 with a list of problems)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, workspacePackages } from './local-registry.mjs';

const problems = [];
const packages = new Map(workspacePackages().map((p) => [p.name, p]));

function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

for (const p of packages.values()) {
  const exportsMap = p.pjson.exports;
  if (!exportsMap || typeof exportsMap !== 'object') {
    problems.push(`${p.name}: no exports map`);
    continue;
  }
  for (const [subpath, value] of Object.entries(exportsMap)) {
    for (const target of targets(value)) {
      if (!existsSync(join(p.dir, target)))
        problems.push(`${p.name}: exports["${subpath}"] → ${target} does not exist (build first?)`);
    }
  }
}

function docFiles() {
  const out = [];
  const walk = (dir, filter) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full, filter);
      else if (filter(e.name)) out.push(full);
    }
  };
  walk(join(REPO_ROOT, 'docs'), (n) => n.endsWith('.md'));
  for (const p of packages.values()) {
    if (existsSync(join(p.dir, 'README.md'))) out.push(join(p.dir, 'README.md'));
    walk(join(p.dir, 'examples'), (n) => /\.(mjs|js|ts)$/.test(n));
  }
  if (existsSync(join(REPO_ROOT, 'README.md'))) out.push(join(REPO_ROOT, 'README.md'));
  return out;
}

const IMPORT = /(?:from\s+|import\(\s*|require\(\s*)['"](@agentcore\/[a-z0-9-]+)(\/[^'"]*)?['"]/g;
for (const file of docFiles()) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const [, name, sub] = m;
    const subpath = sub ? `.${sub}` : '.';
    const pkg = packages.get(name);
    if (!pkg) {
      if (name !== '@agentcore/testkit')
        problems.push(`${relative(REPO_ROOT, file)}: imports ${name}, which is not a public workspace package`);
      continue;
    }
    if (!Object.hasOwn(pkg.pjson.exports ?? {}, subpath))
      problems.push(`${relative(REPO_ROOT, file)}: imports ${name}${sub ?? ''}, not in its exports map`);
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `check-subpaths: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(`check-subpaths: ${packages.size} packages, every export and documented import resolves\n`);
}
