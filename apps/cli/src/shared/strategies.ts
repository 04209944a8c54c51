/**
 * Fills the strategy registry from every installed plugin's `agentcore:strategies` hook (once per process).
 * A plugin whose hook fails, or that was built for another contract version, is reported and skipped; a duplicate
 * type or flag collision stops the command.
 */
import type { Interfaces } from '@oclif/core';
import { isAgentcoreError } from '@agentcore/schema';
import { STRATEGIES_HOOK, StrategyRegistry, type Strategy } from '@agentcore/auth';
import { cliMessages } from './messages.js';

const HOOK_TIMEOUT_MS = 5_000;
let pending: Promise<{ registry: StrategyRegistry; warnings: string[] }> | undefined;

/** The part of oclif's Config the registry reads: the CLI's package.json. */
export type PjsonSource = Pick<Interfaces.Config, 'pjson'>;

/** Auth type → plugin package, from the CLI's package.json (`agentcore.installHints`): data, not code. */
export function installHints(config: PjsonSource): Record<string, string> {
  const pjson = config.pjson as { agentcore?: { installHints?: Record<string, string> } };
  return pjson.agentcore?.installHints ?? {};
}

/** What `config.runHook(STRATEGIES_HOOK)` returns, reduced to the parts the registry needs. */
export interface StrategyHookResults {
  successes: { result: unknown; plugin: { name: string; version?: string } }[];
  failures: { error: Error; plugin: { name: string } }[];
}

/**
 * oclif loads plugins concurrently, so hook results arrive in no fixed order. Register in a stable one — the CLI's
 * core plugins as declared in its package.json, then user plugins by name — so help, wizards and messages that list
 * strategies read the same on every run.
 */
function stableOrder<T extends { plugin: { name: string } }>(config: PjsonSource, items: readonly T[]): T[] {
  const core = (config.pjson as { oclif?: { plugins?: string[] } }).oclif?.plugins ?? [];
  const rank = (name: string) => {
    const i = core.indexOf(name);
    return i < 0 ? core.length : i;
  };
  return [...items].sort(
    (a, b) => rank(a.plugin.name) - rank(b.plugin.name) || a.plugin.name.localeCompare(b.plugin.name),
  );
}

export function buildRegistry(
  config: PjsonSource,
  res: StrategyHookResults,
): { registry: StrategyRegistry; warnings: string[] } {
  const registry = new StrategyRegistry({ installHints: installHints(config) });
  const warnings: string[] = [];
  for (const f of stableOrder(config, res.failures))
    warnings.push(cliMessages.get('warning.PluginFailed', { plugin: f.plugin.name, reason: f.error.message }));
  for (const s of stableOrder(config, res.successes)) {
    const list: unknown = s.result;
    if (!Array.isArray(list)) {
      warnings.push(cliMessages.get('warning.PluginNoStrategies', { plugin: s.plugin.name, hook: STRATEGIES_HOOK }));
      continue;
    }
    // register() validates each object against the contract and throws a coded error naming the package.
    // A plugin built for another contract version is skipped with a warning naming both versions (the CLI and
    // `agentcore plugins uninstall` keep working); any other registration error stops the command.
    for (const strategy of list as Strategy[]) {
      try {
        registry.register(strategy, { packageName: s.plugin.name, version: s.plugin.version });
      } catch (err) {
        if (!isAgentcoreError(err) || err.code !== 'ERR_STRATEGY_CONTRACT') throw err;
        warnings.push(`${err.message} Its auth strategies are not loaded. ${err.actions.join(' ')}`.trim());
      }
    }
  }
  return { registry, warnings };
}

export function loadRegistry(config: Interfaces.Config): Promise<{ registry: StrategyRegistry; warnings: string[] }> {
  pending ??= config.runHook(STRATEGIES_HOOK, {}, HOOK_TIMEOUT_MS, true).then((res) => buildRegistry(config, res));
  return pending;
}
