/**
 * Hand-off between a command and the detached background sender: one small 0600 JSON file per event in
 * `<config dir>/telemetry-outbox/`. A sender claims a file by renaming it to `<name>.sending.<pid>` (atomic: two
 * senders never send the same event), exports it and deletes it, sent or not (at most once). Files older than
 * {@link STALE_MS} are deleted unsent, and so are files claimed by a sender that died before deleting them (it may
 * have sent them: they are never sent again).
 *
 * Only `node:fs` and `node:path`, synchronous calls on small files: {@link enqueue} is on the command's path (after
 * its output), where loading `node:fs/promises` or `node:crypto` and waking the libuv thread pool would cost more
 * than the writes themselves.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvent, type TelemetryEvent } from './event.js';
import { pidAlive } from './launch.js';

export const OUTBOX_DIR = 'telemetry-outbox';
export const STALE_MS = 24 * 3600 * 1000;
/** An enqueue that crashed between writing and renaming leaves a `.tmp` file; removed once this old. */
const TMP_STALE_MS = 60_000;

export interface OutboxItem {
  /** OTLP/HTTP traces URL. */
  url: string;
  event: TelemetryEvent;
}

export function outboxPath(configDir: string): string {
  return join(configDir, OUTBOX_DIR);
}

let sequence = 0;
/** Unique within this process (pid + counter), ordered by time, random enough across processes: not a secret. */
function itemName(now: number): string {
  sequence++;
  return `${now}-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Queue one event: written under a `.tmp` name, then renamed, so a sender never reads half a file. */
export async function enqueue(configDir: string, item: OutboxItem): Promise<void> {
  enqueueSync(configDir, item);
}

export function enqueueSync(configDir: string, item: OutboxItem, now = Date.now()): void {
  const dir = outboxPath(configDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = itemName(now);
  const tmp = join(dir, `${name}.tmp`);
  writeFileSync(tmp, JSON.stringify(item), { mode: 0o600, flag: 'wx' });
  renameSync(tmp, join(dir, `${name}.json`));
}

/** Whether events are waiting to be claimed. */
export function hasPending(configDir: string): boolean {
  try {
    return readdirSync(outboxPath(configDir)).some((n) => n.endsWith('.json'));
  } catch {
    return false;
  }
}

export interface Claimed {
  items: OutboxItem[];
  /** Claimed files, to delete once handled (includes invalid and stale ones, which are not in `items`). */
  files: string[];
}

const CLAIMED = /\.sending\.(\d+)$/;

/**
 * Claim every pending event (renaming each to `.sending.<pid>`); invalid or stale files are claimed and deleted
 * unsent. Also removes what dead processes left behind: files claimed by a sender that is gone (never re-sent:
 * it may have delivered them) and `.tmp` files of a crashed enqueue.
 */
export async function claimAll(configDir: string, now = Date.now()): Promise<Claimed> {
  const dir = outboxPath(configDir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { items: [], files: [] };
  }
  const claimed: Claimed = { items: [], files: [] };
  for (const name of names) {
    const from = join(dir, name);
    if (!name.endsWith('.json')) {
      const owner = CLAIMED.exec(name)?.[1];
      const orphan =
        owner !== undefined
          ? Number(owner) !== process.pid && !pidAlive(Number(owner))
          : name.endsWith('.tmp') && now - mtime(from, now) > TMP_STALE_MS;
      if (orphan) rmSync(from, { force: true });
      continue;
    }
    const to = `${from}.sending.${process.pid}`;
    try {
      renameSync(from, to);
    } catch {
      continue; // another sender took it
    }
    claimed.files.push(to);
    const item = readItem(to);
    if (item && now - mtime(to, now) < STALE_MS) claimed.items.push(item);
  }
  return claimed;
}

function mtime(file: string, fallback: number): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return fallback;
  }
}

function readItem(file: string): OutboxItem | undefined {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const event = parseEvent(raw.event);
    return event && typeof raw.url === 'string' && /^https?:\/\//.test(raw.url) ? { url: raw.url, event } : undefined;
  } catch {
    return undefined;
  }
}

export async function release(files: readonly string[]): Promise<void> {
  for (const f of files) rmSync(f, { force: true });
}
