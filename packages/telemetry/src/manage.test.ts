import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from './audit.js';
import { buildEvent } from './event.js';
import { disableTelemetry, enableTelemetry, telemetryStatus } from './manage.js';
import { enqueue } from './outbox.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telemetry-manage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('enable / disable / status', () => {
  it('is off by default, on after enable, off after disable, with the endpoint kept', async () => {
    expect((await telemetryStatus(dir, {})).effective).toMatchObject({ enabled: false, source: 'default' });
    await enableTelemetry(dir, { endpoint: 'http://127.0.0.1:4318/' });
    expect((await stat(join(dir, 'telemetry.json'))).mode & 0o777).toBe(0o600);
    expect((await telemetryStatus(dir, {})).effective).toMatchObject({
      enabled: true,
      source: 'config',
      endpoint: 'http://127.0.0.1:4318',
    });
    expect((await telemetryStatus(dir, { DO_NOT_TRACK: '1' })).effective).toMatchObject({
      enabled: false,
      source: 'do_not_track',
    });
    await disableTelemetry(dir);
    expect((await telemetryStatus(dir, {})).stored).toMatchObject({
      enabled: false,
      endpoint: 'http://127.0.0.1:4318',
    });
    await enableTelemetry(dir, { endpoint: null });
    expect((await telemetryStatus(dir, {})).stored?.endpoint).toBeUndefined();
  });

  it('refuses an endpoint that is not an http(s) URL, or carries credentials', async () => {
    await expect(enableTelemetry(dir, { endpoint: 'file:///etc/passwd' })).rejects.toMatchObject({
      code: 'ERR_TELEMETRY_ENDPOINT_INVALID',
    });
    await expect(enableTelemetry(dir, { endpoint: 'https://user:token@otel.example.com' })).rejects.toMatchObject({
      code: 'ERR_TELEMETRY_ENDPOINT_INVALID',
    });
  });

  it('disable deletes events not yet sent and keeps the audit log', async () => {
    const { event } = buildEvent({
      commandId: 'status',
      coreCommand: true,
      ok: true,
      exitCode: 0,
      startedAt: 0,
      durationMs: 1,
      cliVersion: '0.1.0',
      plugins: [],
    });
    await appendAudit(dir, { delivery: 'queued', dropped: [], event });
    await enqueue(dir, { url: 'http://127.0.0.1:1/v1/traces', event });
    expect(await telemetryStatus(dir, {})).toMatchObject({ auditEvents: 1, pending: 1 });
    await disableTelemetry(dir);
    expect(await telemetryStatus(dir, {})).toMatchObject({ auditEvents: 1, pending: 0 });
  });

  it('counts audited and pending events; disable --purge deletes them', async () => {
    const { event } = buildEvent({
      commandId: 'status',
      coreCommand: true,
      ok: true,
      exitCode: 0,
      startedAt: 0,
      durationMs: 1,
      cliVersion: '0.1.0',
      plugins: [],
    });
    await appendAudit(dir, { delivery: 'queued', dropped: [], event });
    await enqueue(dir, { url: 'http://127.0.0.1:1/v1/traces', event });
    expect(await telemetryStatus(dir, {})).toMatchObject({ auditEvents: 1, pending: 1 });
    await disableTelemetry(dir, { purge: true });
    expect(await telemetryStatus(dir, {})).toMatchObject({ auditEvents: 0, pending: 0 });
  });
});
