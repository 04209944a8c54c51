/**
 * What the CLI calls once per command run, after the command's output: decide consent (one small synchronous
 * read), and only when enabled build the event, append it to the audit log and — with an endpoint — queue it and
 * start the detached sender. It never throws and never waits for the network: the export happens in another
 * process that the command does not wait for.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DroppedAttribute } from './attributes.js';
import { appendAudit, type Delivery } from './audit.js';
import { currentConsent, tracesUrl, type Consent } from './consent.js';
import { buildEvent, type RunInfo, type TelemetryEvent } from './event.js';
import { enqueue } from './outbox.js';

export interface RecordOptions {
  configDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Start the background sender (default true). */
  startSender?: boolean;
}

export interface RecordOutcome {
  consent: Consent;
  recorded: boolean;
  delivery?: Delivery;
  event?: TelemetryEvent;
  dropped: DroppedAttribute[];
  /** Name of the error that prevented recording (the command is never affected). */
  failure?: string;
}

export async function recordRun(run: RunInfo, options: RecordOptions): Promise<RecordOutcome> {
  const consent = currentConsent(options.configDir, options.env ?? process.env);
  if (!consent.enabled) return { consent, recorded: false, dropped: [] };
  const { event, dropped } = buildEvent(run);
  const delivery: Delivery = consent.endpoint ? 'queued' : 'local_only';
  try {
    const endpoint = consent.endpoint;
    await Promise.all([
      appendAudit(options.configDir, { delivery, ...(endpoint ? { endpoint } : {}), dropped, event }),
      endpoint ? enqueue(options.configDir, { url: tracesUrl(endpoint), event }) : undefined,
    ]);
    if (endpoint && options.startSender !== false) startSender(options.configDir);
    return { consent, recorded: true, delivery, event, dropped };
  } catch (err) {
    return { consent, recorded: false, event, dropped, failure: err instanceof Error ? err.name : 'Error' };
  }
}

/** The sender's entry file: next to this module in `dist/` (from `src/`, under tests: the built one). */
export function senderEntry(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSource ? '../dist/sender-main.js' : './sender-main.js', import.meta.url));
}

/** Start the detached sender and forget it: no stdio, no inherited environment (no OTEL_* settings leak in). */
export function startSender(configDir: string): void {
  const child = spawn(process.execPath, [senderEntry(), configDir], { detached: true, stdio: 'ignore', env: {}, cwd: configDir, windowsHide: true });
  child.on('error', () => undefined);
  child.unref();
}
