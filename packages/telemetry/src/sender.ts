/**
 * The detached background sender (`node dist/sender-main.js <config dir>`). Started by {@link recordRun} after a command
 * has printed its output, with stdio ignored and no inherited environment, and not waited for. It claims the
 * outbox, exports the events over OTLP/HTTP (timeout {@link EXPORT_TIMEOUT_MS}), deletes them whatever the
 * outcome, writes `telemetry-sender.json` (last attempt: time, ok, count, reason) and exits. A hard timer ends it
 * after {@link HARD_EXIT_MS} whatever happens, so a dead or slow endpoint costs a sleeping process at most that long.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { claimAll, release } from './outbox.js';
import type { TelemetryEvent } from './event.js';

export const EXPORT_TIMEOUT_MS = 3000;
export const HARD_EXIT_MS = 8000;
export const SENDER_STATUS_FILE = 'telemetry-sender.json';

export interface SenderStatus {
  at: string;
  ok: boolean;
  sent: number;
  failed: number;
  reason?: string;
}

export async function sendPending(configDir: string, timeoutMs = EXPORT_TIMEOUT_MS): Promise<SenderStatus> {
  const { items, files } = await claimAll(configDir);
  const byUrl = new Map<string, TelemetryEvent[]>();
  for (const item of items) byUrl.set(item.url, [...(byUrl.get(item.url) ?? []), item.event]);
  const status: SenderStatus = { at: new Date().toISOString(), ok: true, sent: 0, failed: 0 };
  if (byUrl.size > 0) {
    const { exportEvents } = await import('./otlp.js');
    for (const [url, events] of byUrl) {
      const outcome = await exportEvents(url, events, timeoutMs);
      if (outcome.ok) status.sent += events.length;
      else {
        status.ok = false;
        status.failed += events.length;
        status.reason = outcome.reason;
      }
    }
  }
  await release(files);
  if (items.length > 0) await writeFile(join(configDir, SENDER_STATUS_FILE), JSON.stringify(status) + '\n', { mode: 0o600 }).catch(() => undefined);
  return status;
}
