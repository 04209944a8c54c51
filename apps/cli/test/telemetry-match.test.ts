/**
 * Audit entries are matched to exported spans by the per-event id, never by command name and duration: two runs of
 * one command that took the same number of milliseconds are two events. Real parts: the audit log and outbox in a
 * temp config dir (recordRun), the detached sender process, and an OTLP/HTTP receiver on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAudit, recordRun, senderEntry, type RunInfo } from '@agentcore/telemetry';
import { poll, spanForEvent, startReceiver, type Receiver } from './telemetry-receiver.js';

let dir: string | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('telemetry audit entry ↔ exported span', () => {
  it('tells apart two events with the same command and the same duration_ms', async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-telemetry-match-'));
    receiver = await startReceiver();
    const env = { AGENTCORE_TELEMETRY: '1', AGENTCORE_TELEMETRY_ENDPOINT: receiver.endpoint };
    const run = (authorizer: string): RunInfo => ({
      commandId: 'add:gateway',
      coreCommand: true,
      ok: true,
      exitCode: 0,
      startedAt: Date.UTC(2026, 0, 1),
      durationMs: 7,
      cliVersion: '0.1.0',
      plugins: [],
      attributes: { authorizer_type: authorizer },
    });
    for (const authorizer of ['none', 'aws_iam']) {
      const outcome = await recordRun(run(authorizer), { configDir: dir, env, startSender: false });
      expect(outcome).toMatchObject({ recorded: true, delivery: 'queued' });
    }
    const sender = spawn(process.execPath, [senderEntry(), dir], { stdio: 'ignore', env: {} });
    await new Promise((resolve) => sender.on('exit', resolve));
    await poll(() => (receiver?.spans.length ?? 0) >= 2, 10_000);

    const entries = await readAudit(dir);
    expect(entries.map((e) => [e.event.command, e.event.duration_ms])).toEqual([
      ['add:gateway', 7],
      ['add:gateway', 7],
    ]);
    expect(entries[0]?.event.event_id).not.toBe(entries[1]?.event.event_id);
    for (const entry of entries) {
      const span = spanForEvent(entry.event, receiver.spans);
      expect(span.attributes['agentcore.attr.authorizer_type']).toBe(entry.event.attributes.authorizer_type);
    }
    expect(entries.map((e) => e.event.attributes.authorizer_type)).toEqual(['none', 'aws_iam']);
  });

  it('refuses to guess when no span (or more than one) carries the event id', () => {
    const span = { name: 'add:gateway', attributes: { 'agentcore.event_id': '0123456789abcdef' } };
    expect(spanForEvent({ event_id: '0123456789abcdef' }, [span])).toBe(span);
    expect(() => spanForEvent({ event_id: 'fedcba9876543210' }, [span])).toThrow(/exactly one span/);
    expect(() => spanForEvent({ event_id: '0123456789abcdef' }, [span, span])).toThrow(/got 2/);
    expect(() => spanForEvent({}, [span])).toThrow(/exactly one span/);
  });
});
