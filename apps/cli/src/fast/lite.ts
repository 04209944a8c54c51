/**
 * Cold-start runner (docs/architecture.md, "Cold start"). `scripts/build-fast.mjs` bundles this module with one hot
 * command (e.g. src/fast/add-credential.ts: the command's own flag definitions and its handler), oclif's own parser
 * (`@oclif/core/parser`) and the core plugins' `agentcore:strategies` hook functions. A run then loads one file
 * and none of oclif's command, config or plugin loading.
 *
 * The command line is parsed by oclif's parser with the command's own flags, exactly as `Command.parse` does. When
 * the parser rejects it, or a flag asks for something the runner does not reproduce (deprecation warnings, reading
 * stdin while parsing), it returns false having printed nothing, and bin/run.js hands the command line to oclif,
 * which reports it as always. Handler, output, error envelope and telemetry are the very functions oclif's path uses
 * (AgentcoreCommand); fast-path.integration.test.ts compares both paths byte for byte.
 */
import { boolean } from '@oclif/core/flags';
import type { FlagInput } from '@oclif/core/interfaces';
import { parse } from '@oclif/core/parser';
import type { CommandHost, LoadedStrategies } from '../shared/command-host.js';
import { toAgentcoreError } from '../shared/errors.js';
import { errorText, successEnvelope, warningLine } from '../command-support/output.js';
import { buildRegistry, type PjsonSource, type StrategyHookResults } from '../shared/strategies.js';
import { emitCommandTelemetry } from '../command-support/telemetry.js';

export type StrategyHookFn = (this: unknown, options: Record<string, unknown>) => unknown;

export interface PluginVersion {
  name: string;
  version: string;
}

/** A command the runner can run: what src/fast/<command>.ts exports as `command`. */
export interface HotCommand<F, R> {
  /** oclif command id (`add:credential`). */
  id: string;
  /**
   * The flags oclif parses for the command, from the same function or object the command declares them with.
   * Given the strategy loader, so flags that registered strategies contribute can be computed as the command does.
   */
  flags: (loadStrategies: () => Promise<LoadedStrategies>) => FlagInput | Promise<FlagInput>;
  handler: (host: CommandHost, flags: F) => Promise<R>;
}

/** What the build knows about the installed CLI (scripts/build-fast.mjs writes it into the bundle). */
export interface BuildContext {
  /** The core plugins' `agentcore:strategies` hook functions, as bundled at build time. */
  strategyHooks: readonly (PluginVersion & { hook: StrategyHookFn })[];
  /** The CLI's name and version, and the package.json fields the registry reads (installHints, core plugin order). */
  cli: PluginVersion & PjsonSource;
  /** Every plugin oclif would load (the CLI and its core plugins), for telemetry. */
  plugins: readonly PluginVersion[];
}

/** The `--json` flag oclif adds to a command with `enableJsonFlag` (AgentcoreCommandBase sets it). */
const jsonFlag = boolean({ description: 'Format output as json.', helpGroup: 'GLOBAL' });

/** Call the bundled hooks the way `config.runHook(STRATEGIES_HOOK, {}, timeout, true)` does: errors captured per plugin. */
async function loadStrategies(context: BuildContext, root: string): Promise<LoadedStrategies> {
  const config = { name: context.cli.name, version: context.cli.version, root, pjson: context.cli.pjson };
  const res: StrategyHookResults = { successes: [], failures: [] };
  for (const { name, version, hook } of context.strategyHooks) {
    try {
      const result = await hook.call({ config }, { config, context: { config } });
      res.successes.push({ result, plugin: { name, version } });
    } catch (err) {
      res.failures.push({ error: err instanceof Error ? err : new Error(String(err)), plugin: { name } });
    }
  }
  return buildRegistry(context.cli, res);
}

/** Flags whose parse oclif follows with a warning, or which read stdin while parsing: left to oclif. */
function unusual(flags: FlagInput): boolean {
  return Object.values(flags).some((f) => f.deprecated || f.deprecateAliases || ('allowStdin' in f && f.allowStdin));
}

/** `Command.jsonEnabled()`: `--json` before any `--` (AGENTCORE_CONTENT_TYPE, its other switch, is left to oclif). */
function jsonEnabled(argv: readonly string[]): boolean {
  const json = argv.indexOf('--json');
  const passThrough = argv.indexOf('--');
  return json !== -1 && (passThrough === -1 || json < passThrough);
}

/**
 * oclif's parse of the command line with the command's flags, or undefined when oclif should take it: the parser
 * rejects it, or working out the flags fails (e.g. a plugin's strategies do not load); oclif then reports it.
 */
async function parseFlags(
  definitions: () => FlagInput | Promise<FlagInput>,
  argv: readonly string[],
): Promise<Record<string, unknown> | undefined> {
  try {
    const flags = await definitions();
    if (unusual(flags)) return undefined;
    const parsed = await parse([...argv], { flags: { json: jsonFlag, ...flags }, args: {}, strict: true });
    return parsed.flags;
  } catch {
    return undefined;
  }
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Run the command, or return false (nothing printed) when oclif should. */
export async function runLite<F, R>(
  command: HotCommand<F, R>,
  context: BuildContext,
  argv: readonly string[],
  root: string,
): Promise<boolean> {
  let strategies: Promise<LoadedStrategies> | undefined;
  const load = () => (strategies ??= loadStrategies(context, root));
  const flags = await parseFlags(() => command.flags(load), argv);
  if (!flags) return false;
  const startedAt = Date.now();
  const t0 = performance.now();
  const json = jsonEnabled(argv);
  const warnings: string[] = [];
  const host: CommandHost = {
    json,
    log: (message) => {
      if (!json) process.stdout.write(`${message}\n`);
    },
    addWarning: (message) => {
      warnings.push(message);
      if (!json) process.stderr.write(warningLine(message));
    },
    loadStrategies: load,
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
      cliVersion: context.cli.version,
      plugins: () => [...context.plugins],
    },
    startedAt,
    durationMs: performance.now() - t0,
    errorCode,
    attributes: {},
  }).catch(() => undefined);
  return true;
}
