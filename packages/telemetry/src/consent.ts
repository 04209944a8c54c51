/**
 * Whether telemetry is on, and where it goes. Off unless the user opted in. Order (first match wins):
 *   DO_NOT_TRACK set (not 0/false)  → off
 *   AGENTCORE_TELEMETRY=0|1         → off | on
 *   CI set (not 0/false)            → off
 *   telemetry.json {enabled: true}  → on   (written by `agentcore telemetry enable`)
 *   otherwise                       → off
 * The endpoint is AGENTCORE_TELEMETRY_ENDPOINT, else the stored one; without one, events are only recorded locally.
 * `decideConsent` is pure; reading and writing the state file are the only I/O. This module imports only node:
 * built-ins at load time: the CLI loads it after every command to check consent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_FILE = 'telemetry.json';

export interface TelemetryState {
  enabled: boolean;
  /** OTLP/HTTP base URL (`http://127.0.0.1:4318`); traces go to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /** ISO time of the last `enable` / `disable`. */
  updatedAt?: string;
}

export type ConsentSource = 'do_not_track' | 'env' | 'ci' | 'config' | 'default';

export interface Consent {
  enabled: boolean;
  /** What decided `enabled`. */
  source: ConsentSource;
  /** Base endpoint, when one is configured and valid. */
  endpoint?: string;
  endpointSource?: 'env' | 'config';
  /** A configured endpoint that is not an http(s) URL (ignored: events stay local). */
  invalidEndpoint?: 'env' | 'config';
}

const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** An http(s) URL without credentials, or undefined. */
export function normalizeEndpoint(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
  return url.href.replace(/\/+$/, '');
}

/** Where the OTLP/HTTP exporter posts spans. */
export function tracesUrl(endpoint: string): string {
  return endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint}/v1/traces`;
}

export function decideConsent(
  env: Readonly<Record<string, string | undefined>>,
  state: TelemetryState | undefined,
): Consent {
  const enabledBy = (): Pick<Consent, 'enabled' | 'source'> => {
    if (truthy(env.DO_NOT_TRACK)) return { enabled: false, source: 'do_not_track' };
    const flag = env.AGENTCORE_TELEMETRY?.toLowerCase();
    if (flag === '0' || flag === 'false') return { enabled: false, source: 'env' };
    if (flag === '1' || flag === 'true') return { enabled: true, source: 'env' };
    if (truthy(env.CI)) return { enabled: false, source: 'ci' };
    if (state?.enabled === true) return { enabled: true, source: 'config' };
    return { enabled: false, source: 'default' };
  };
  const consent: Consent = enabledBy();
  const fromEnv = env.AGENTCORE_TELEMETRY_ENDPOINT;
  const raw = fromEnv
    ? { value: fromEnv, source: 'env' as const }
    : state?.endpoint
      ? { value: state.endpoint, source: 'config' as const }
      : undefined;
  if (raw) {
    const endpoint = normalizeEndpoint(raw.value);
    if (endpoint) {
      consent.endpoint = endpoint;
      consent.endpointSource = raw.source;
    } else consent.invalidEndpoint = raw.source;
  }
  return consent;
}

export function statePath(configDir: string): string {
  return join(configDir, STATE_FILE);
}

/** The stored state; undefined when absent or unreadable (which means "not opted in"). Synchronous: one small read. */
export function readState(configDir: string): TelemetryState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(statePath(configDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const p = parsed as Record<string, unknown>;
  return {
    enabled: p.enabled === true,
    ...(typeof p.endpoint === 'string' ? { endpoint: p.endpoint } : {}),
    ...(typeof p.updatedAt === 'string' ? { updatedAt: p.updatedAt } : {}),
  };
}

/** Store the state (mode 0600, atomic). */
export async function writeState(configDir: string, state: TelemetryState): Promise<void> {
  // Loaded here, not at the top: this module is on every command's path and must stay tiny.
  const { writeFileAtomic } = await import('@agentcore/schema');
  await writeFileAtomic(statePath(configDir), JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** Consent for this process's environment and stored state (cheap: one small file read, nothing else loaded). */
export function currentConsent(
  configDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Consent {
  return decideConsent(env, readState(configDir));
}
