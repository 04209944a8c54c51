/**
 * Cold-start runner (docs/architecture.md, "Cold start"). `scripts/build-fast.mjs` bundles this module with one
 * command's handler (src/handlers), the flag table it read from the oclif manifest, and the core plugins'
 * `agentcore:strategies` hook functions. A run then loads one file and no oclif at all.
 *
 * It runs only what it is sure oclif would run the same way (see argv.ts); otherwise it returns false having read
 * and printed nothing, and bin/run.js hands the command line to oclif. Handler, output, error envelope and
 * telemetry are the very functions oclif's path uses (AgentcoreCommand), and fast-path.integration.test.ts
 * compares both paths byte for byte.
 */
import type { CommandHost, LoadedStrategies } from '../shared/command-host.js';
import { toAgentcoreError } from '../shared/errors.js';
import { errorText, successEnvelope, warningLine } from '../command-support/output.js';
import { buildRegistry, type PjsonSource, type StrategyHookResults } from '../shared/strategies.js';
import { emitCommandTelemetry } from '../command-support/telemetry.js';
import { parseSimpleArgv, type SimpleFlagSpec } from './argv.js';

export type StrategyHookFn = (this: unknown, options: Record<string, unknown>) => unknown;

export interface PluginVersion {
  name: string;
  version: string;
}

export interface LiteCommand<F, R> {
  /** oclif command id (`add:credential`). */
  id: string;
  /** The command's flags, from the oclif manifest (all simple: checked at build time). */
  flags: Readonly<Record<string, SimpleFlagSpec>>;
  handler: (host: CommandHost, flags: F) => Promise<R>;
  /** The core plugins' `agentcore:strategies` hook functions, as bundled at build time. */
  strategyHooks: readonly (PluginVersion & { hook: StrategyHookFn })[];
  /** The CLI's name and version, and the package.json fields the registry reads (installHints, core plugin order). */
  cli: PluginVersion & PjsonSource;
  /** Every plugin oclif would load (the CLI and its core plugins), for telemetry. */
  plugins: readonly PluginVersion[];
}

/** Call the bundled hooks the way `config.runHook(STRATEGIES_HOOK, {}, timeout, true)` does: errors captured per plugin. */
async function loadStrategies(command: LiteCommand<unknown, unknown>, root: string): Promise<LoadedStrategies> {
  const config = { name: command.cli.name, version: command.cli.version, root, pjson: command.cli.pjson };
  const res: StrategyHookResults = { successes: [], failures: [] };
  for (const { name, version, hook } of command.strategyHooks) {
    try {
      const result = await hook.call({ config }, { config, context: { config } });
      res.successes.push({ result, plugin: { name, version } });
    } catch (err) {
      res.failures.push({ error: err instanceof Error ? err : new Error(String(err)), plugin: { name } });
    }
  }
  return buildRegistry(command.cli, res);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Run the command, or return false (nothing read, nothing printed) when oclif should. */
export async function runLite<F, R>(
  command: LiteCommand<F, R>,
  argv: readonly string[],
  root: string,
): Promise<boolean> {
  const flags = parseSimpleArgv(argv, command.flags);
  if (!flags) return false;
  const startedAt = Date.now();
  const t0 = performance.now();
  const json = flags.json === true;
  const warnings: string[] = [];
  let strategies: Promise<LoadedStrategies> | undefined;
  const host: CommandHost = {
    json,
    log: (message) => {
      if (!json) process.stdout.write(`${message}\n`);
    },
    addWarning: (message) => {
      warnings.push(message);
      if (!json) process.stderr.write(warningLine(message));
    },
    loadStrategies: () => (strategies ??= loadStrategies(command as LiteCommand<unknown, unknown>, root)),
  };
  let errorCode: string | undefined;
  try {
    const result = await command.handler(host, flags as F);
    if (result && json) printJson(successEnvelope(result, warnings));
  } catch (err) {
    const e = toAgentcoreError(err, command.id);
    process.exitCode = e.exitCode;
    errorCode = e.code;
    if (json) printJson(e.toJSON());
    else process.stderr.write(errorText(e));
  }
  await emitCommandTelemetry({
    command: {
      id: command.id,
      coreCommand: true,
      cliVersion: command.cli.version,
      plugins: () => [...command.plugins],
    },
    startedAt,
    durationMs: performance.now() - t0,
    errorCode,
    attributes: {},
  }).catch(() => undefined);
  return true;
}
