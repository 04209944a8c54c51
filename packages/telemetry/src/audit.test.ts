import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, appendCapped, auditPath, MAX_AUDIT_EVENTS, readAudit } from './audit.js';
import { buildEvent } from './event.js';

const event = (n: number) =>
  buildEvent({
    commandId: 'status',
    coreCommand: true,
    ok: true,
    exitCode: 0,
    startedAt: 0,
    durationMs: n,
    cliVersion: '0.1.0',
    plugins: [],
  }).event;

describe('audit log', () => {
  it('appendCapped keeps the last lines', () => {
    expect(appendCapped('a\nb\nc\n', 'd', 3)).toBe('b\nc\nd\n');
  });

  it(`is 0600 and keeps the last ${MAX_AUDIT_EVENTS} events`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telemetry-audit-'));
    try {
      for (let i = 0; i < MAX_AUDIT_EVENTS + 5; i++)
        await appendAudit(dir, { delivery: 'local_only', dropped: [], event: event(i) });
      const entries = await readAudit(dir);
      expect(entries).toHaveLength(MAX_AUDIT_EVENTS);
      expect(entries[0]?.event.duration_ms).toBe(5);
      expect(entries.at(-1)?.event.duration_ms).toBe(MAX_AUDIT_EVENTS + 4);
      expect((await stat(auditPath(dir))).mode & 0o777).toBe(0o600);
      expect((await readFile(auditPath(dir), 'utf8')).trim().split('\n')).toHaveLength(MAX_AUDIT_EVENTS);
      expect(await readAudit(dir, 2)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
