import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * What an enabled run loads, in a fresh process: `@agentcore/telemetry/record` (the built module) and its whole
 * graph, recording a run with an endpoint (the sender start is replaced, so only what the command itself loads
 * is seen). This is the cost the CLI adds after a command's output; it must stay a handful of small files.
 */
describe('@agentcore/telemetry/record module graph', () => {
  it('is seven small modules and node:crypto, node:fs, node:path, node:url — no OpenTelemetry, @agentcore/schema, zod, manage or sender code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telemetry-graph-'));
    try {
      const script = `import { registerHooks } from 'node:module';
const seen = [];
registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
const m = await import(${JSON.stringify(pathToFileURL(join(DIST, 'record.js')).href)});
const o = await m.recordRun({ commandId: 'add:gateway', coreCommand: true, ok: true, exitCode: 0, startedAt: Date.now(), durationMs: 1, cliVersion: '0.1.0', plugins: [] },
  { configDir: process.argv[1], env: { AGENTCORE_TELEMETRY: '1', AGENTCORE_TELEMETRY_ENDPOINT: 'http://127.0.0.1:9' }, launch: { start: () => 1 } });
process.stdout.write(JSON.stringify({ seen, outcome: { recorded: o.recorded, delivery: o.delivery } }));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], {
        encoding: 'utf8',
        env: {},
        timeout: 30_000,
      });
      const { seen, outcome } = JSON.parse(r.stdout || '{}') as { seen: string[]; outcome: unknown };
      expect(outcome, r.stderr).toEqual({ recorded: true, delivery: 'queued' });
      const files = seen
        .filter((u) => u.startsWith('file:'))
        .map((u) => fileURLToPath(u).slice(DIST.length))
        .sort();
      expect(files).toEqual([
        'attributes.js',
        'audit.js',
        'consent.js',
        'event.js',
        'launch.js',
        'outbox.js',
        'record.js',
      ]);
      const builtins = seen.filter((u) => !u.startsWith('file:')).sort();
      expect(builtins).toEqual(['node:crypto', 'node:fs', 'node:path', 'node:url']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
