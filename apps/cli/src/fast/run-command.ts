/**
 * Cold-start fast path for hot commands (see docs/architecture.md, "Cold start"). `scripts/build-fast.mjs` bundles
 * this module, one command class and the core plugins' `agentcore:strategies` hook functions into a single file,
 * so a run loads one module instead of ~600. The command still runs through oclif: the real `Config`, the real
 * `Command.run` (parser, `--json` envelope, `catch`), oclif's error handler and flush. Only the hook dispatch is
 * replaced, by calling the same hook functions directly, and only when the installed plugins are exactly the
 * ones the bundle was built from; otherwise `runFast` returns false and `bin/run.js` takes the normal path.
 */
import { Config, flush, handle, type Command } from '@oclif/core';
import { STRATEGIES_HOOK } from '@agentcore/auth';
import { preloadRegistry, type StrategyHookResults } from '../shared/strategies.js';

export type StrategyHookFn = (this: unknown, options: Record<string, unknown>) => unknown;

export interface FastCommand {
  /** oclif command id (`add:credential`). */
  id: string;
  Command: Command.Class;
  /** The core plugins' `agentcore:strategies` hook functions, by plugin name, as bundled at build time. */
  strategyHooks: Readonly<Record<string, StrategyHookFn>>;
}

/** Hooks the fast path does not dispatch: a plugin declaring one of these sends the run down the normal path. */
const LIFECYCLE_HOOKS = ['init', 'prerun', 'postrun', 'preparse', 'finally', 'command_incomplete', 'jit_plugin_not_installed'];

/** Whether the loaded plugins are exactly what the bundle expects (no user/linked plugin, no lifecycle hook). */
export function pluginsMatch(config: Config, strategyPlugins: readonly string[]): boolean {
  const withStrategies: string[] = [];
  for (const plugin of config.getPluginsList()) {
    if (plugin.type !== 'core') return false;
    const hooks = Object.keys(plugin.hooks ?? {});
    if (hooks.some((h) => LIFECYCLE_HOOKS.includes(h))) return false;
    if (hooks.includes(STRATEGIES_HOOK)) withStrategies.push(plugin.name);
  }
  return withStrategies.length === strategyPlugins.length && withStrategies.every((n) => strategyPlugins.includes(n));
}

async function runStrategyHooks(config: Config, hooks: Readonly<Record<string, StrategyHookFn>>): Promise<StrategyHookResults> {
  const res: StrategyHookResults = { successes: [], failures: [] };
  // Same order and same capture-errors semantics as `config.runHook(STRATEGIES_HOOK, {}, timeout, true)`.
  for (const plugin of config.getPluginsList()) {
    const fn = hooks[plugin.name];
    if (!fn) continue;
    try {
      const result = await fn.call({ config }, { config, context: { config } });
      res.successes.push({ result, plugin: { name: plugin.name, version: plugin.version } });
    } catch (err) {
      res.failures.push({ error: err instanceof Error ? err : new Error(String(err)), plugin: { name: plugin.name } });
    }
  }
  return res;
}

/**
 * Run one command the way `execute()` would. Returns false (having printed nothing and read nothing) when the
 * fast path does not apply, so the caller can fall back to oclif's normal dispatch.
 */
export async function runFast(command: FastCommand, argv: string[], root: string): Promise<boolean> {
  const config = await Config.load(root);
  if (!pluginsMatch(config, Object.keys(command.strategyHooks))) return false;
  const loadable = config.findCommand(command.id);
  if (!loadable || loadable.pluginName !== config.name) return false;
  preloadRegistry(config, await runStrategyHooks(config, command.strategyHooks));
  // What plugin.findCommand sets on a command class loaded from the manifest.
  const Cmd = command.Command;
  Cmd.id = command.id;
  Cmd.plugin = config.plugins.get(config.name);
  try {
    await Cmd.run(argv, config);
    await flush();
  } catch (error) {
    await handle(error instanceof Error ? error : new Error(String(error)));
  }
  return true;
}
