/**
 * Hand-off between a command and the detached background sender: one small 0600 JSON file per event in
 * `<config dir>/telemetry-outbox/`. The sender claims a file by renaming it (atomic: two senders never send the
 * same event), exports it and deletes it, sent or not. Files older than {@link STALE_MS} are deleted unsent.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEvent, type TelemetryEvent } from './event.js';

export const OUTBOX_DIR = 'telemetry-outbox';
export const STALE_MS = 24 * 3600 * 1000;

export interface OutboxItem {
  /** OTLP/HTTP traces URL. */
  url: string;
  event: TelemetryEvent;
}

export function outboxPath(configDir: string): string {
  return join(configDir, OUTBOX_DIR);
}

export async function enqueue(configDir: string, item: OutboxItem): Promise<void> {
  const dir = outboxPath(configDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(dir, `${name}.tmp`);
  await writeFile(tmp, JSON.stringify(item), { mode: 0o600 });
  await rename(tmp, join(dir, `${name}.json`));
}

export interface Claimed {
  items: OutboxItem[];
  /** Claimed files, to delete once handled. */
  files: string[];
}

/** Claim every pending event (renaming each to `.sending.<pid>`); invalid or stale files are deleted unsent. */
export async function claimAll(configDir: string, now = Date.now()): Promise<Claimed> {
  const dir = outboxPath(configDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const claimed: Claimed = { items: [], files: [] };
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const from = join(dir, name);
    const to = `${from}.sending.${process.pid}`;
    try {
      await rename(from, to);
    } catch {
      continue; // another sender took it
    }
    claimed.files.push(to);
    const item = await readItem(to);
    const age = now - (await stat(to).then((s) => s.mtimeMs, () => now));
    if (item && age < STALE_MS) claimed.items.push(item);
  }
  return claimed;
}

async function readItem(file: string): Promise<OutboxItem | undefined> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const event = parseEvent(raw.event);
    return event && typeof raw.url === 'string' && /^https?:\/\//.test(raw.url) ? { url: raw.url, event } : undefined;
  } catch {
    return undefined;
  }
}

export async function release(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}
