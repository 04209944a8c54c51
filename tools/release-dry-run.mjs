#!/usr/bin/env node
/**
 * What a release would publish, without publishing: name@version of every public workspace package and whether that
 * version already exists in the target registry (then `npm publish` would fail for it, or it needs a changeset).
 * It also checks that each oclif package's `oclif.manifest.json` carries the package's version: a stale manifest
 * makes every run print "Mismatched version in … plugin manifest"; the build regenerates it.
 *
 *   node tools/release-dry-run.mjs [--registry URL] [--json]
 *
 * Exit code 0 when every manifest matches; 1 otherwise. Registry look-ups that fail are reported as "unknown".
 * Release procedure (docs/plugins.md, "Publishing"): `changeset version` → `npm install --package-lock-only`
 * → `nx run-many -t build` → this script → `changeset publish`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './local-registry.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function defaultRegistry() {
  const r = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', timeout: 30_000 });
  return (r.status === 0 && r.stdout.trim()) || 'https://registry.npmjs.org/';
}

/** `true` / `false` when the registry answered, `undefined` when it could not be asked. */
async function versionExists(registry, name, version) {
  const url = `${registry.replace(/\/?$/, '/')}${name.replace('/', '%2f')}`;
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404) return false;
    if (!res.ok) return undefined;
    const doc = await res.json();
    return Object.hasOwn(doc.versions ?? {}, version);
  } catch {
    return undefined;
  }
}

/** The oclif manifest's version, for packages that declare oclif hooks or commands (undefined otherwise). */
function manifestCheck(pkg) {
  if (!pkg.pjson.oclif) return undefined;
  const file = join(pkg.dir, 'oclif.manifest.json');
  if (!existsSync(file)) return { ok: false, problem: 'oclif.manifest.json missing (run the build)' };
  const version = JSON.parse(readFileSync(file, 'utf8')).version;
  return version === pkg.version
    ? { ok: true }
    : { ok: false, problem: `oclif.manifest.json has ${version}, package.json ${pkg.version} (rebuild)` };
}

const registry = option('registry') ?? defaultRegistry();
const rows = [];
for (const pkg of workspacePackages()) {
  rows.push({
    name: pkg.name,
    version: pkg.version,
    published: await versionExists(registry, pkg.name, pkg.version),
    manifest: manifestCheck(pkg),
  });
}
const bad = rows.filter((r) => r.manifest && !r.manifest.ok);
if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ registry, packages: rows, ok: bad.length === 0 }, null, 2) + '\n');
} else {
  process.stdout.write(`Would publish to ${registry} (dry run: nothing is published)\n`);
  for (const r of rows) {
    const state =
      r.published === undefined ? 'unknown (registry not reachable)' : r.published ? 'ALREADY PUBLISHED' : 'new';
    process.stdout.write(
      `  ${`${r.name}@${r.version}`.padEnd(40)} ${state}${r.manifest && !r.manifest.ok ? `  ✗ ${r.manifest.problem}` : ''}\n`,
    );
  }
}
process.exitCode = bad.length === 0 ? 0 : 1;
