/**
 * When a command starts the detached background sender — rarely, not once per run (docs/telemetry.md, "Delivery").
 *
 * `<config dir>/telemetry-sender-run.json` (0600) describes the current or last sender: `{pid, startAt, running}`,
 * `startAt` being when it starts (or started) sending. After queueing its event, a command reads it and:
 *   - a sender is running (flag set, process alive, not older than {@link MAX_SENDER_MS}) → starts nothing: that
 *     sender sends the event before it exits (see `runSender`: it drains the outbox, clears the flag, then looks
 *     at the outbox once more, so an event queued while it was finishing is not left behind);
 *   - otherwise → starts one, told to wait until {@link SEND_WINDOW_MS} after the previous sender's start, and
 *     records it as running. So a burst of commands starts at most one sender per window, and every queued event
 *     is sent (or dropped on failure) within about one window plus the export timeout.
 * Only `node:fs`, `node:path` and `node:url` are loaded; `node:child_process` only when a sender is started.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SENDER_RUN_FILE = 'telemetry-sender-run.json';
/** The last sender's outcome (`SenderStatus`, sender.ts); here so that reading it does not load the sender. */
export const SENDER_STATUS_FILE = 'telemetry-sender.json';
/**
 * At most one sender starts sending per window; one started within it waits for its end. It is also the longest a
 * queued event waits for a sender, so it stays short (`telemetry status` and a local receiver are checked right
 * after a command); a burst of commands still starts one sender per window instead of one per command.
 */
export const SEND_WINDOW_MS = 3000;
/** A sender exits at the latest this long after it starts sending, whatever happens (hard timer). */
export const HARD_EXIT_MS = 8000;
/** A run still flagged `running` after this long (waiting + hard exit + slack) belongs to a dead process. */
export const MAX_SENDER_MS = SEND_WINDOW_MS + HARD_EXIT_MS + 2000;
/**
 * The OpenTelemetry JS packages the sender uses (sdk-trace, exporter-trace-otlp-http, resources) require this Node
 * version (their `engines`); on older Node events stay local (audit log only) and no sender is started.
 */
export const MIN_EXPORT_NODE = '22.15.0';
/** `reason` in `telemetry-sender.json` when a sender ran on a Node older than {@link MIN_EXPORT_NODE}. */
export const EXPORT_NODE_UNSUPPORTED = 'node_unsupported';

export interface SenderRun {
  pid: number;
  /** Epoch ms when it starts (or started) sending. */
  startAt: number;
  running: boolean;
}

export type LaunchDecision = { start: false } | { start: true; notBefore: number };

/** What a command did about the sender after queueing its event. */
export type SenderLaunch = 'started' | 'deferred' | 'running' | 'failed';

export function senderRunPath(configDir: string): string {
  return join(configDir, SENDER_RUN_FILE);
}

export function readSenderRun(configDir: string): SenderRun | undefined {
  try {
    const raw = JSON.parse(readFileSync(senderRunPath(configDir), 'utf8')) as Record<string, unknown>;
    if (typeof raw.pid !== 'number' || typeof raw.startAt !== 'number' || typeof raw.running !== 'boolean')
      return undefined;
    return { pid: raw.pid, startAt: raw.startAt, running: raw.running };
  } catch {
    return undefined;
  }
}

/** Replace the run file atomically (readers see the old or the new content, never half of it). */
export function writeSenderRun(configDir: string, run: SenderRun): void {
  const file = senderRunPath(configDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(run) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** Whether a process exists (signal 0 checks without sending anything). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pure: start a sender or not, and when it may start sending. */
export function decideLaunch(
  run: SenderRun | undefined,
  now: number,
  alive: (pid: number) => boolean = pidAlive,
  windowMs = SEND_WINDOW_MS,
): LaunchDecision {
  if (run?.running && now < run.startAt + MAX_SENDER_MS && alive(run.pid)) return { start: false };
  if (!run) return { start: true, notBefore: now };
  // Never wait longer than one window (a clock change or a bogus file must not hold events back).
  return { start: true, notBefore: Math.min(now + windowMs, Math.max(now, run.startAt + windowMs)) };
}

/** `a.b.c` ≥ `min` (numeric compare of the first three parts). */
export function versionAtLeast(version: string, min: string): boolean {
  const parts = (v: string) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((p) => Number.parseInt(p, 10) || 0);
  const [a, b] = [parts(version), parts(min)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether this Node can run the exporter (see {@link MIN_EXPORT_NODE}). */
export function exportSupported(version: string = process.versions.node): boolean {
  return versionAtLeast(version, MIN_EXPORT_NODE);
}

/** The sender's entry file: next to this module in `dist/` (from `src/`, under tests: the built one). */
export function senderEntry(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSource ? '../dist/sender-main.js' : './sender-main.js', import.meta.url));
}

/**
 * Start the detached sender and forget it: no stdio, no inherited environment (no OTEL_* settings leak in). It
 * starts sending at `notBefore` (epoch ms; default now). Returns its pid, if the spawn got that far. Unconditional:
 * commands go through {@link maybeStartSender}.
 */
export function startSender(configDir: string, notBefore?: number): number | undefined {
  // Loaded here, not at the top: most runs start no sender, and node:child_process costs milliseconds to load.
  const { spawn } = process.getBuiltinModule('node:child_process');
  const args = [senderEntry(), configDir, ...(notBefore === undefined ? [] : [String(Math.round(notBefore))])];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: 'ignore',
    env: {},
    cwd: configDir,
    windowsHide: true,
  });
  child.on('error', () => undefined);
  child.unref();
  return child.pid;
}

export interface LaunchOptions {
  now?: number;
  windowMs?: number;
  /** Starts the process (tests replace it); returns its pid. */
  start?: (configDir: string, notBefore: number) => number | undefined;
}

/** After queueing an event: start a sender unless one is running (see the module comment). Never throws. */
export function maybeStartSender(configDir: string, options: LaunchOptions = {}): SenderLaunch {
  try {
    const now = options.now ?? Date.now();
    const decision = decideLaunch(readSenderRun(configDir), now, pidAlive, options.windowMs);
    if (!decision.start) return 'running';
    const pid = (options.start ?? startSender)(configDir, decision.notBefore);
    if (pid === undefined) return 'failed';
    writeSenderRun(configDir, { pid, startAt: decision.notBefore, running: true });
    return decision.notBefore > now ? 'deferred' : 'started';
  } catch {
    return 'failed';
  }
}
