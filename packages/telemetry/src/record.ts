/**
 * What the CLI calls once per command run, after the command's output: decide consent (one small synchronous
 * read), and only when enabled build the event, append it to the audit log and — with an endpoint — queue it and
 * make sure a detached sender will send it (starting one only if none is running: launch.ts). It never throws and
 * never waits for the network: the export happens in another process that the command does not wait for.
 *
 * This module is also the `@agentcore/telemetry/record` entry point, and its whole module graph is what an enabled
 * run loads: consent, event, attributes, audit, outbox and launch — node:crypto (the event id), node:fs, node:path
 * and node:url only; no OpenTelemetry, no @agentcore/schema, no zod.
 */
import type { DroppedAttribute } from './attributes.js';
import { appendAudit, type Delivery } from './audit.js';
import { currentConsent, tracesUrl, type Consent } from './consent.js';
import { buildEvent, type RunInfo, type TelemetryEvent } from './event.js';
import { exportSupported, maybeStartSender, type LaunchOptions, type SenderLaunch } from './launch.js';
import { enqueueSync } from './outbox.js';

export { type SenderLaunch } from './launch.js';
// What else a command's enabled path uses (e.g. the CLI's attach-command attributes), from the same small graph.
export {
  enumValue,
  safeAttributes,
  sanitizeAttributes,
  type AttributeValue,
  type DroppedAttribute,
  type SafeAttrs,
} from './attributes.js';
export { type RunInfo, type TelemetryEvent } from './event.js';
export { type Consent } from './consent.js';

export interface RecordOptions {
  configDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Start the background sender when needed (default true). */
  startSender?: boolean;
  /** Node version deciding whether events can be exported (default: this process's; tests). */
  nodeVersion?: string;
  /** Sender launch settings (tests). */
  launch?: LaunchOptions;
}

export interface RecordOutcome {
  consent: Consent;
  recorded: boolean;
  delivery?: Delivery;
  event?: TelemetryEvent;
  dropped: DroppedAttribute[];
  /** With an endpoint: whether this run started a sender (now, or deferred to the end of the window) or left its event to the running one. */
  sender?: SenderLaunch;
  /** Name of the error that prevented recording (the command is never affected). */
  failure?: string;
}

export async function recordRun(run: RunInfo, options: RecordOptions): Promise<RecordOutcome> {
  const consent = currentConsent(options.configDir, options.env ?? process.env);
  if (!consent.enabled) return { consent, recorded: false, dropped: [] };
  const { event, dropped } = buildEvent(run);
  // On a Node the exporter does not support, events stay local (docs/telemetry.md, "Node versions").
  const endpoint = consent.endpoint && exportSupported(options.nodeVersion) ? consent.endpoint : undefined;
  const delivery: Delivery = endpoint ? 'queued' : 'local_only';
  try {
    await appendAudit(options.configDir, { delivery, ...(endpoint ? { endpoint } : {}), dropped, event });
    if (!endpoint) return { consent, recorded: true, delivery, event, dropped };
    // Queue first, then look for a running sender: the order its hand-off relies on (launch.ts).
    enqueueSync(options.configDir, { url: tracesUrl(endpoint), event });
    const sender = options.startSender === false ? undefined : maybeStartSender(options.configDir, options.launch);
    return { consent, recorded: true, delivery, event, dropped, ...(sender ? { sender } : {}) };
  } catch (err) {
    return { consent, recorded: false, event, dropped, failure: err instanceof Error ? err.name : 'Error' };
  }
}
