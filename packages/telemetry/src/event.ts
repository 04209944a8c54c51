/**
 * One telemetry event per command run, and the run-time schema of the whole event. Everything here is pure:
 * {@link buildEvent} turns what the CLI knows about a run into an event of closed shapes (command id of the CLI
 * or a core plugin, ERR_* code, integers, versions, safe attributes); {@link parseEvent} re-checks a stored event
 * before the sender exports it, so nothing that bypassed `buildEvent` can leave.
 */
import { randomBytes } from 'node:crypto';
import { sanitizeAttributes, type AttributeValue, type DroppedAttribute } from './attributes.js';

export const EVENT_SCHEMA_VERSION = 1;
const COMMAND_PATTERN = /^[a-z][a-z0-9-]{0,31}(:[a-z][a-z0-9-]{0,31}){0,3}$/;
const ERROR_CODE_PATTERN = /^ERR_[A-Z0-9_]{1,60}$/;
const VERSION_PATTERN = /^\d{1,5}\.\d{1,5}\.\d{1,5}(-[0-9A-Za-z.]{1,32})?$/;
/** Plugins whose names and versions may be reported; any other plugin is only counted. */
const REPORTED_PLUGIN = /^@(agentcore|oclif)\/[a-z0-9-]{1,64}$/;
const MAX_DURATION_MS = 24 * 3600 * 1000;
const EVENT_ID_PATTERN = /^[0-9a-f]{16}$/;

/** A fresh event id: 8 random bytes as 16 hex characters, drawn per event (no machine, user or run state). */
export const newEventId = (): string => randomBytes(8).toString('hex');

export interface TelemetryEvent {
  schema_version: typeof EVENT_SCHEMA_VERSION;
  /**
   * Random id of this one event (16 hex characters), the same in the audit log and on the exported span, so an
   * audit entry can be matched to what was sent. Events queued by a CLI that predates it have none.
   */
  event_id?: string;
  /** oclif command id (`add:gateway-target`); `plugin_command` for a command of a user-installed plugin. */
  command: string;
  status: 'ok' | 'error';
  /** `ERR_*` code of the error that ended the run (`ERR_OTHER` if it was not a coded error). */
  error_code?: string;
  exit_code: number;
  duration_ms: number;
  /** Start of the run, ISO 8601 (UTC). */
  started_at: string;
  cli_version: string;
  /** Versions of the `@agentcore/*` and `@oclif/*` plugins loaded; other plugins are counted in `other_plugin_count`. */
  plugin_versions: Record<string, string>;
  other_plugin_count: number;
  attributes: Record<string, AttributeValue>;
}

export interface PluginInfo {
  name: string;
  version: string;
}

export interface RunInfo {
  commandId: string | undefined;
  /** Whether the command belongs to the CLI or one of its core plugins (others are reported as `plugin_command`). */
  coreCommand: boolean;
  ok: boolean;
  errorCode?: string;
  exitCode: number;
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  cliVersion: string;
  plugins: readonly PluginInfo[];
  /** Attributes recorded during the run; checked here, invalid ones dropped. */
  attributes?: Readonly<Record<string, unknown>>;
  /** The event's id (default: {@link newEventId}); one that is not 16 lower-case hex characters is replaced. */
  eventId?: string;
}

export interface BuiltEvent {
  event: TelemetryEvent;
  dropped: DroppedAttribute[];
}

/**
 * `Date#toISOString()` of an epoch-ms time (an invalid one counts as 0), built from the UTC getters: the first
 * `toISOString()` call in a process costs about 1 ms, which this runs on every enabled command's path.
 */
export function isoTime(ms: number): string {
  const d = new Date(Number.isFinite(ms) ? ms : 0);
  if (Number.isNaN(d.getTime())) return new Date(0).toISOString();
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return d.toISOString();
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(year, 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}Z`;
}

const clampInt = (n: number, max: number) => (Number.isFinite(n) ? Math.min(max, Math.max(0, Math.round(n))) : 0);

export function buildEvent(run: RunInfo): BuiltEvent {
  const { attributes, dropped } = sanitizeAttributes(run.attributes);
  const plugin_versions: Record<string, string> = {};
  let other = 0;
  for (const p of [...run.plugins].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (REPORTED_PLUGIN.test(p.name) && VERSION_PATTERN.test(p.version)) plugin_versions[p.name] = p.version;
    else other++;
  }
  const command =
    run.coreCommand && run.commandId && COMMAND_PATTERN.test(run.commandId)
      ? run.commandId
      : run.commandId
        ? 'plugin_command'
        : 'none';
  const event: TelemetryEvent = {
    schema_version: EVENT_SCHEMA_VERSION,
    event_id: run.eventId !== undefined && EVENT_ID_PATTERN.test(run.eventId) ? run.eventId : newEventId(),
    command,
    status: run.ok ? 'ok' : 'error',
    ...(run.ok
      ? {}
      : { error_code: run.errorCode && ERROR_CODE_PATTERN.test(run.errorCode) ? run.errorCode : 'ERR_OTHER' }),
    exit_code: clampInt(run.exitCode, 255),
    duration_ms: clampInt(run.durationMs, MAX_DURATION_MS),
    started_at: isoTime(run.startedAt),
    cli_version: VERSION_PATTERN.test(run.cliVersion) ? run.cliVersion : '0.0.0',
    plugin_versions,
    other_plugin_count: other,
    attributes,
  };
  return { event, dropped };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const EVENT_KEYS = new Set([
  'schema_version',
  'event_id',
  'command',
  'status',
  'error_code',
  'exit_code',
  'duration_ms',
  'started_at',
  'cli_version',
  'plugin_versions',
  'other_plugin_count',
  'attributes',
]);

/** The event if every field has its allowed shape, else undefined (a stored event is never "repaired"). */
export function parseEvent(value: unknown): TelemetryEvent | undefined {
  if (!isRecord(value) || Object.keys(value).some((k) => !EVENT_KEYS.has(k))) return undefined;
  const v = value;
  const int = (x: unknown, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
  if (v.schema_version !== EVENT_SCHEMA_VERSION) return undefined;
  if (v.event_id !== undefined && (typeof v.event_id !== 'string' || !EVENT_ID_PATTERN.test(v.event_id)))
    return undefined;
  if (
    typeof v.command !== 'string' ||
    !(COMMAND_PATTERN.test(v.command) || v.command === 'plugin_command' || v.command === 'none')
  )
    return undefined;
  if (v.status !== 'ok' && v.status !== 'error') return undefined;
  if (v.error_code !== undefined && (typeof v.error_code !== 'string' || !ERROR_CODE_PATTERN.test(v.error_code)))
    return undefined;
  if (!int(v.exit_code, 255) || !int(v.duration_ms, MAX_DURATION_MS) || !int(v.other_plugin_count, 10_000))
    return undefined;
  if (
    typeof v.started_at !== 'string' ||
    Number.isNaN(Date.parse(v.started_at)) ||
    new Date(v.started_at).toISOString() !== v.started_at
  )
    return undefined;
  if (typeof v.cli_version !== 'string' || !VERSION_PATTERN.test(v.cli_version)) return undefined;
  if (
    !isRecord(v.plugin_versions) ||
    !Object.entries(v.plugin_versions).every(
      ([n, ver]) => REPORTED_PLUGIN.test(n) && typeof ver === 'string' && VERSION_PATTERN.test(ver),
    )
  )
    return undefined;
  if (!isRecord(v.attributes)) return undefined;
  const attrs = sanitizeAttributes(v.attributes);
  if (attrs.dropped.length > 0) return undefined;
  return {
    schema_version: EVENT_SCHEMA_VERSION,
    ...(typeof v.event_id === 'string' ? { event_id: v.event_id } : {}),
    command: v.command,
    status: v.status,
    ...(typeof v.error_code === 'string' ? { error_code: v.error_code } : {}),
    exit_code: v.exit_code as number,
    duration_ms: v.duration_ms as number,
    started_at: v.started_at,
    cli_version: v.cli_version,
    plugin_versions: Object.fromEntries(Object.entries(v.plugin_versions).map(([n, ver]) => [n, String(ver)])),
    other_plugin_count: v.other_plugin_count as number,
    attributes: attrs.attributes,
  };
}
