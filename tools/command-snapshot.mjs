#!/usr/bin/env node
/**
 * The CLI's public surface, committed so that a change to it is a decision, not an accident:
 *
 *   apps/cli/command-snapshot.json   every command with its flags (type, char, multiple, options, …), args, aliases,
 *                                    read from the built oclif manifest (apps/cli/oclif.manifest.json)
 *   apps/cli/schemas/<id>.json       a JSON Schema of each command's `--json` result (the envelope's `result`),
 *                                    from the return type of the command's `run()` (tools/result-schemas.mjs)
 *
 *   node tools/command-snapshot.mjs            compare with the committed files; exit 1 and name each difference
 *   node tools/command-snapshot.mjs --update   rewrite the committed files (after an intended change)
 *
 * Run it through `tools/env.sh` after a build (`tools/env.sh node tools/command-snapshot.mjs --update`). The CLI's
 * test `test/command-snapshot.test.ts` runs the comparison.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchemas as generateSchemasOf } from './result-schemas.mjs';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_ROOT = join(REPO_ROOT, 'apps', 'cli');
export const SNAPSHOT_FILE = join(CLI_ROOT, 'command-snapshot.json');
export const SCHEMAS_DIR = join(CLI_ROOT, 'schemas');
export const UPDATE_COMMAND = 'tools/env.sh node tools/command-snapshot.mjs --update';

/** Flag properties that are part of the contract (descriptions and help texts are not). */
const FLAG_KEYS = ['type', 'char', 'aliases', 'charAliases', 'multiple', 'options', 'required', 'default', 'allowNo'];
const FLAG_RELATIONS = ['dependsOn', 'exclusive', 'exactlyOne', 'relationships'];
const ARG_KEYS = ['required', 'options', 'default'];

function pick(source, keys) {
  const out = {};
  for (const key of keys) {
    const value = source[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return out;
}

/** The snapshot of an oclif manifest: commands sorted by id, flags and args by name, only contract properties. */
export function buildSnapshot(manifest) {
  return Object.values(manifest.commands)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((cmd) => ({
      command: cmd.id,
      aliases: [...(cmd.aliases ?? [])].sort(),
      flags: Object.fromEntries(
        Object.values(cmd.flags ?? {})
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((f) => [f.name, { ...pick(f, FLAG_KEYS), ...pick(f, FLAG_RELATIONS) }]),
      ),
      args: Object.fromEntries(Object.values(cmd.args ?? {}).map((a) => [a.name, pick(a, ARG_KEYS)])),
    }));
}

export function readManifest(cliRoot = CLI_ROOT) {
  const file = join(cliRoot, 'oclif.manifest.json');
  if (!existsSync(file)) throw new Error(`${relative(REPO_ROOT, file)} is missing: build the CLI first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Human-readable differences between two snapshots, one line per command or flag. */
export function diffSnapshots(committed, fresh) {
  const byId = (list) => new Map(list.map((c) => [c.command, c]));
  const before = byId(committed);
  const after = byId(fresh);
  const out = [];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  for (const [id, cmd] of after) {
    const old = before.get(id);
    if (!old) {
      out.push(`command "${id}" was added`);
      continue;
    }
    if (!same(old.aliases, cmd.aliases)) out.push(`command "${id}": aliases changed`);
    for (const [name, flag] of Object.entries(cmd.flags)) {
      if (!(name in old.flags)) out.push(`command "${id}": flag --${name} was added`);
      else if (!same(old.flags[name], flag))
        out.push(
          `command "${id}": flag --${name} changed from ${JSON.stringify(old.flags[name])} to ${JSON.stringify(flag)}`,
        );
    }
    for (const name of Object.keys(old.flags))
      if (!(name in cmd.flags)) out.push(`command "${id}": flag --${name} was removed`);
    if (!same(old.args, cmd.args)) out.push(`command "${id}": args changed`);
  }
  for (const id of before.keys()) if (!after.has(id)) out.push(`command "${id}" was removed`);
  return out;
}

/** The schema file name of a command id: `add:credential` → `add-credential.json`. */
export function schemaFileName(id) {
  return `${id.replace(/:/g, '-')}.json`;
}

export function serialize(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Where two JSON values differ, as JSON-pointer-like paths (at most `limit`). */
export function jsonDifferences(a, b, path = '', out = [], limit = 5) {
  if (out.length >= limit) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      jsonDifferences(a[key], b[key], `${path}/${key}`, out, limit);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path || '/'}: ${a === undefined ? 'added' : b === undefined ? 'removed' : 'changed'}`);
  }
  return out;
}

/** Differences between the committed schema files and freshly generated schemas, one line per command. */
export function diffSchemas(fresh, dir = SCHEMAS_DIR) {
  const out = [];
  const expected = new Set(Object.keys(fresh).map(schemaFileName));
  for (const [id, schema] of Object.entries(fresh)) {
    const file = join(dir, schemaFileName(id));
    if (!existsSync(file)) {
      out.push(`command "${id}": no committed result schema (${relative(REPO_ROOT, file)})`);
      continue;
    }
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    const where = jsonDifferences(committed, schema);
    if (where.length) out.push(`command "${id}": --json result schema changed at ${where.join(', ')}`);
  }
  if (existsSync(dir))
    for (const name of readdirSync(dir))
      if (name.endsWith('.json') && !expected.has(name)) out.push(`schemas/${name} belongs to no command`);
  return out;
}

/** JSON Schemas of every command's `--json` result, keyed by command id (tools/result-schemas.mjs). */
export function generateSchemas(cliRoot = CLI_ROOT) {
  return generateSchemasOf(cliRoot);
}

/** Everything that differs between the committed snapshot/schemas and the current CLI. */
export function checkAll({ cliRoot = CLI_ROOT } = {}) {
  const fresh = buildSnapshot(readManifest(cliRoot));
  const snapshotFile = join(cliRoot, 'command-snapshot.json');
  const committed = existsSync(snapshotFile) ? JSON.parse(readFileSync(snapshotFile, 'utf8')) : [];
  return [...diffSnapshots(committed, fresh), ...diffSchemas(generateSchemas(cliRoot), join(cliRoot, 'schemas'))];
}

export function updateAll({ cliRoot = CLI_ROOT } = {}) {
  writeFileSync(join(cliRoot, 'command-snapshot.json'), serialize(buildSnapshot(readManifest(cliRoot))));
  const dir = join(cliRoot, 'schemas');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const schemas = generateSchemas(cliRoot);
  for (const [id, schema] of Object.entries(schemas)) writeFileSync(join(dir, schemaFileName(id)), serialize(schema));
  return Object.keys(schemas).length;
}

function main(argv) {
  if (argv.includes('--update')) {
    const n = updateAll();
    process.stdout.write(`wrote apps/cli/command-snapshot.json and ${n} schemas in apps/cli/schemas/\n`);
    return;
  }
  const problems = checkAll();
  if (problems.length === 0) {
    process.stdout.write('command snapshot and result schemas match\n');
    return;
  }
  process.stderr.write(
    "The CLI's commands, flags or --json results differ from the committed snapshot:\n" +
      `  - ${problems.join('\n  - ')}\n` +
      `If the change is intended, run \`${UPDATE_COMMAND}\` and commit the result.\n`,
  );
  process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
