/**
 * The local audit log: one JSON line per recorded run, exactly the event that was (or would be) sent, in
 * `<config dir>/telemetry-audit.jsonl` (mode 0600), capped at the last {@link MAX_AUDIT_EVENTS} events. It is
 * written only while telemetry is enabled and never leaves the machine. Synchronous `node:fs` calls on a small
 * file: appending is on the command's path, where loading `node:fs/promises` and waking the thread pool would
 * cost more than the write.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DroppedAttribute } from './attributes.js';
import { parseEvent, type TelemetryEvent } from './event.js';

export const AUDIT_FILE = 'telemetry-audit.jsonl';
export const MAX_AUDIT_EVENTS = 100;

export type Delivery = 'local_only' | 'queued';

export interface AuditEntry {
  /** `queued`: handed to the background sender for `endpoint`; `local_only`: no endpoint configured. */
  delivery: Delivery;
  /** Base endpoint it was queued for (the user's own configuration; it is not part of the event). */
  endpoint?: string;
  /** Attributes refused by the schema and not sent (keys only, when they are valid keys). */
  dropped: DroppedAttribute[];
  event: TelemetryEvent;
}

export function auditPath(configDir: string): string {
  return join(configDir, AUDIT_FILE);
}

/** The last `max` lines of `text` plus `line` (pure). */
export function appendCapped(text: string, line: string, max = MAX_AUDIT_EVENTS): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  lines.push(line);
  return lines.slice(-max).join('\n') + '\n';
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** Append one entry; rewrites the file (temp + rename) only when it must drop the oldest ones. */
export async function appendAudit(configDir: string, entry: AuditEntry): Promise<void> {
  const file = auditPath(configDir);
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const line = JSON.stringify(entry);
  const existing = readText(file);
  const count = existing.split('\n').filter((l) => l.trim() !== '').length;
  if (count < MAX_AUDIT_EVENTS) {
    // `mode` applies when the file is created; a umask can only remove bits, so it stays 0600.
    appendFileSync(file, line + '\n', { mode: 0o600 });
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, appendCapped(existing, line), { mode: 0o600 });
  renameSync(tmp, file);
}

/** Parse audit lines (pure); lines that are not valid entries are skipped. */
export function parseAudit(text: string): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const event = parseEvent(r.event);
    if (!event || (r.delivery !== 'local_only' && r.delivery !== 'queued')) continue;
    entries.push({
      delivery: r.delivery,
      ...(typeof r.endpoint === 'string' ? { endpoint: r.endpoint } : {}),
      dropped: Array.isArray(r.dropped) ? (r.dropped as DroppedAttribute[]) : [],
      event,
    });
  }
  return entries;
}

/** The last `limit` recorded runs, oldest first. */
export async function readAudit(configDir: string, limit = MAX_AUDIT_EVENTS): Promise<AuditEntry[]> {
  return parseAudit(readText(auditPath(configDir))).slice(-limit);
}
