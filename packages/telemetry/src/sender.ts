/**
 * The detached background sender (`node dist/sender-main.js <config dir> [notBefore]`), started now and then by a
 * command after its output (launch.ts), with stdio ignored and no inherited environment, and never waited for.
 * {@link runSender}: wait until `notBefore` if told to, then drain the outbox — claim everything pending, export it
 * over OTLP/HTTP (timeout {@link EXPORT_TIMEOUT_MS} per request), delete it whatever the outcome, and again until
 * nothing is left — hand off (clear the `running` flag, then look at the outbox once more, so an event queued by a
 * command that saw the flag is not left behind), write `telemetry-sender.json` (time, ok, counts, reason) and exit.
 * A hard timer ends it {@link HARD_EXIT_MS} after it starts sending whatever happens, so a dead or slow endpoint
 * costs a sleeping process at most that long.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TelemetryEvent } from './event.js';
import {
  EXPORT_NODE_UNSUPPORTED,
  exportSupported,
  HARD_EXIT_MS,
  pidAlive,
  readSenderRun,
  SEND_WINDOW_MS,
  SENDER_STATUS_FILE,
  writeSenderRun,
} from './launch.js';
import { claimAll, hasPending, release } from './outbox.js';

export { HARD_EXIT_MS, SENDER_STATUS_FILE } from './launch.js';
export const EXPORT_TIMEOUT_MS = 3000;

export interface SenderStatus {
  at: string;
  ok: boolean;
  sent: number;
  failed: number;
  reason?: string;
}

interface Pass {
  status: SenderStatus;
  /** Files claimed (sent, failed, or deleted as invalid/stale); 0 means the outbox was empty. */
  claimed: number;
}

/** One pass: claim every pending event, export them (one request per endpoint), delete them. */
async function exportPass(configDir: string, timeoutMs: number): Promise<Pass> {
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
  return { status, claimed: files.length };
}

function writeStatus(configDir: string, status: SenderStatus): void {
  try {
    writeFileSync(join(configDir, SENDER_STATUS_FILE), JSON.stringify(status) + '\n', { mode: 0o600 });
  } catch {
    // the config dir may be gone (purged): nothing to report to
  }
}

/** One pass over the outbox, and its status written to `telemetry-sender.json` when there was something to send. */
export async function sendPending(configDir: string, timeoutMs = EXPORT_TIMEOUT_MS): Promise<SenderStatus> {
  const { status } = await exportPass(configDir, timeoutMs);
  if (status.sent + status.failed > 0) writeStatus(configDir, status);
  return status;
}

/**
 * Clear the `running` flag of the run file — unless it names another live sender, which does its own hand-off
 * later — so that the next command starts a sender. Synchronous: the hard timer calls it just before exiting.
 */
export function markDone(configDir: string, startAt: number): void {
  try {
    const current = readSenderRun(configDir);
    if (current?.running && current.pid !== process.pid && pidAlive(current.pid)) return;
    writeSenderRun(configDir, { pid: process.pid, startAt, running: false });
  } catch {
    // config dir gone: nothing to hand off
  }
}

export interface SenderOptions {
  /** Epoch ms before which nothing is sent (the launch window); default now. Never waits more than one window. */
  notBefore?: number;
  timeoutMs?: number;
  /** Time after the start of sending in which passes may begin (default: what the hard timer leaves). */
  budgetMs?: number;
  /** Node version deciding whether the exporter can run (tests). */
  nodeVersion?: string;
  /** Called just before and just after the running flag is cleared (tests: commands racing the hand-off). */
  onHandOff?: (phase: 'before' | 'after') => void | Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drain the outbox, hand off, report. Returns the totals (undefined when there was nothing to send). */
export async function runSender(configDir: string, options: SenderOptions = {}): Promise<SenderStatus | undefined> {
  const wait = Math.min((options.notBefore ?? 0) - Date.now(), SEND_WINDOW_MS);
  if (wait > 0) await sleep(wait);
  const startAt = Date.now();
  const timeoutMs = options.timeoutMs ?? EXPORT_TIMEOUT_MS;
  // A pass may not begin unless one export can still finish before the hard timer.
  const lastPassAt = startAt + (options.budgetMs ?? HARD_EXIT_MS - timeoutMs - 1000);
  if (!exportSupported(options.nodeVersion)) {
    // Leave the events queued (a supported Node may send them later); say why nothing was sent.
    const status: SenderStatus = {
      at: new Date(startAt).toISOString(),
      ok: false,
      sent: 0,
      failed: 0,
      reason: EXPORT_NODE_UNSUPPORTED,
    };
    writeStatus(configDir, status);
    markDone(configDir, startAt);
    return status;
  }
  const total: SenderStatus = { at: new Date(startAt).toISOString(), ok: true, sent: 0, failed: 0 };
  for (;;) {
    while (Date.now() <= lastPassAt) {
      const pass = await exportPass(configDir, timeoutMs);
      if (pass.claimed === 0) break;
      total.sent += pass.status.sent;
      total.failed += pass.status.failed;
      if (!pass.status.ok) {
        total.ok = false;
        total.reason = pass.status.reason;
      }
    }
    await options.onHandOff?.('before');
    markDone(configDir, startAt);
    await options.onHandOff?.('after');
    // An event queued by a command that still saw the flag set is in the outbox now: take it too.
    if (!hasPending(configDir) || Date.now() > lastPassAt) break;
    writeSenderRun(configDir, { pid: process.pid, startAt, running: true });
  }
  if (total.sent + total.failed === 0) return undefined;
  writeStatus(configDir, total);
  return total;
}
