/** What `agentcore telemetry enable|disable|status` do, as functions of the config dir and the environment. */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AgentcoreError } from '@agentcore/schema';
import { auditPath, readAudit } from './audit.js';
import {
  decideConsent,
  normalizeEndpoint,
  readState,
  statePath,
  writeState,
  type Consent,
  type TelemetryState,
} from './consent.js';
import { SENDER_RUN_FILE, SENDER_STATUS_FILE } from './launch.js';
import { outboxPath } from './outbox.js';
import type { SenderStatus } from './sender.js';
import { telemetryMessages } from './messages.js';

export type TelemetryErrorCode = 'ERR_TELEMETRY_ENDPOINT_INVALID';

/** Raised by the telemetry commands; the CLI adds the user-facing text and actions from its messages. */
export class TelemetryError extends AgentcoreError<TelemetryErrorCode> {}

type Env = Readonly<Record<string, string | undefined>>;

export interface TelemetryStatus {
  /** What `telemetry enable|disable` stored (absent: never set, i.e. off). */
  stored: TelemetryState | undefined;
  /** What applies to commands run in this environment. */
  effective: Consent;
  stateFile: string;
  auditFile: string;
  auditEvents: number;
  /** Events queued for the background sender and not handled yet. */
  pending: number;
  lastSend?: SenderStatus;
}

export interface EnableOptions {
  /** New endpoint; `null` clears the stored one (local only); undefined keeps it. */
  endpoint?: string | null;
  now?: Date;
}

/** Opt in; validates the endpoint (http(s), no credentials in the URL). */
export async function enableTelemetry(configDir: string, options: EnableOptions = {}): Promise<TelemetryState> {
  let endpoint = readState(configDir)?.endpoint;
  if (options.endpoint === null) endpoint = undefined;
  else if (options.endpoint !== undefined) {
    endpoint = normalizeEndpoint(options.endpoint);
    if (!endpoint)
      throw new TelemetryError('ERR_TELEMETRY_ENDPOINT_INVALID', telemetryMessages().get('error.EndpointInvalid'), {
        actions: telemetryMessages().list('error.EndpointInvalid.actions'),
        exitCode: 2,
      });
  }
  const state: TelemetryState = {
    enabled: true,
    ...(endpoint ? { endpoint } : {}),
    updatedAt: (options.now ?? new Date()).toISOString(),
  };
  await writeState(configDir, state);
  return state;
}

/**
 * Opt out (the endpoint is kept for a later `enable`). Events queued and not yet sent are deleted: after
 * `disable`, nothing more leaves the machine (a sender already exporting a batch may finish that batch).
 * `purge` also deletes the local audit log and the sender's status files.
 */
export async function disableTelemetry(
  configDir: string,
  options: { purge?: boolean; now?: Date } = {},
): Promise<TelemetryState> {
  const endpoint = readState(configDir)?.endpoint;
  const state: TelemetryState = {
    enabled: false,
    ...(endpoint ? { endpoint } : {}),
    updatedAt: (options.now ?? new Date()).toISOString(),
  };
  await writeState(configDir, state);
  await rm(outboxPath(configDir), { recursive: true, force: true });
  if (options.purge) {
    await rm(auditPath(configDir), { force: true });
    await rm(join(configDir, SENDER_STATUS_FILE), { force: true });
    await rm(join(configDir, SENDER_RUN_FILE), { force: true });
  }
  return state;
}

export async function telemetryStatus(configDir: string, env: Env = process.env): Promise<TelemetryStatus> {
  const stored = readState(configDir);
  const pending = (await readdir(outboxPath(configDir)).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.json'),
  ).length;
  let lastSend: SenderStatus | undefined;
  try {
    lastSend = JSON.parse(await readFile(join(configDir, SENDER_STATUS_FILE), 'utf8')) as SenderStatus;
  } catch {
    lastSend = undefined;
  }
  return {
    stored,
    effective: decideConsent(env, stored),
    stateFile: statePath(configDir),
    auditFile: auditPath(configDir),
    auditEvents: (await readAudit(configDir)).length,
    pending,
    ...(lastSend ? { lastSend } : {}),
  };
}
