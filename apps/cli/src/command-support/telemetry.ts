/**
 * The CLI side of usage telemetry (docs/telemetry.md): after a command has printed its output, record one event
 * for the run if — and only if — the user opted in. The consent check loads one tiny module and reads one small
 * file; everything else (building the event, the audit log, the background sender) is loaded only when enabled.
 * Failures here never change a command's output or exit code.
 */
import type { Command } from '@oclif/core';
import type { SafeAttributes } from '@agentcore/auth';
import { agentcoreConfigDir } from '@agentcore/schema';
import { loadMessages } from '../shared/messages.js';

/** The command a run belongs to, as telemetry sees it (from oclif, or from the cold-start runner's manifest). */
export interface CommandTelemetrySource {
  id: string | undefined;
  /** Shipped with the CLI (its own or a core plugin's), as opposed to a user-installed plugin's. */
  coreCommand: boolean;
  cliVersion: string;
  plugins: () => { name: string; version: string }[];
}

/** The source of an oclif command run. */
export function commandTelemetrySource(command: Command): CommandTelemetrySource {
  const ctor = command.constructor as Command.Class;
  const config = command.config;
  return {
    id: command.id,
    coreCommand: ctor.plugin?.type === 'core' || ctor.plugin?.name === config.name,
    cliVersion: config.version,
    plugins: () => config.getPluginsList().map((p) => ({ name: p.name, version: p.version })),
  };
}

export interface CommandTelemetryRun {
  command: CommandTelemetrySource;
  startedAt: number;
  durationMs: number;
  /** `code` of the error that ended the run, when it failed. */
  errorCode?: string;
  /** Attributes handed over by the command (checked again, and dropped if invalid, by @agentcore/telemetry). */
  attributes: Readonly<Record<string, unknown>>;
  /** Extra attributes computed only when telemetry is enabled (e.g. the attached strategy's `telemetry()`). */
  collect?: () => Promise<SafeAttributes | undefined>;
}

/** Commands never recorded: the telemetry commands themselves. */
const UNRECORDED_TOPIC = 'telemetry:';

export async function emitCommandTelemetry(run: CommandTelemetryRun): Promise<void> {
  const id = run.command.id;
  if (id?.startsWith(UNRECORDED_TOPIC)) return;
  const configDir = agentcoreConfigDir();
  const { currentConsent } = await import('@agentcore/telemetry/consent');
  if (!currentConsent(configDir).enabled) return;
  const debug = process.env.AGENTCORE_DEBUG === '1';
  let extra: SafeAttributes | undefined;
  try {
    extra = await run.collect?.();
  } catch (err) {
    if (debug) note('debug.collectFailed', { error: err instanceof Error ? err.name : 'Error' });
  }
  const { recordRun } = await import('@agentcore/telemetry/record');
  const exit = Number(process.exitCode ?? 0);
  const outcome = await recordRun(
    {
      commandId: id,
      coreCommand: run.command.coreCommand,
      ok: run.errorCode === undefined && exit === 0,
      errorCode: run.errorCode,
      exitCode: Number.isInteger(exit) ? exit : 1,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      cliVersion: run.command.cliVersion,
      plugins: run.command.plugins(),
      attributes: { ...extra, ...run.attributes },
    },
    { configDir },
  );
  if (!debug) return;
  for (const d of outcome.dropped) note('debug.dropped', { key: d.key, reason: d.reason });
  if (outcome.consent.invalidEndpoint) note('debug.invalidEndpoint', { source: outcome.consent.invalidEndpoint });
  if (outcome.failure) note('debug.recordFailed', { error: outcome.failure });
}

function note(key: string, tokens: Record<string, string>): void {
  process.stderr.write(`${loadMessages('telemetry.debug').get(key, tokens)}\n`);
}
