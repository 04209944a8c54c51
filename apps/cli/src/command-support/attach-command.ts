/**
 * Base for commands that attach auth strategies (`add agent`, `add gateway`, `add gateway-target`): parses the
 * static flags leniently, then static + strategy flags strictly (oclif flags are static per command).
 */
import type { AttachCommand, StrategyRegistry } from '@agentcore/auth';
import { AgentcoreCommand } from './base-command.js';
import { loadRegistry } from '../shared/strategies.js';
import { contributedFlags } from './strategy-flags.js';
import { strategyValues } from './strategy-values.js';
import { rejectEmptyFlags } from './empty-flags.js';
import type { FlagValues, SafeAttributes } from '@agentcore/auth';

export abstract class AttachStrategyCommand<R> extends AgentcoreCommand<R> {
  static override strict = false;
  private strategyRegistry?: StrategyRegistry;

  /** Telemetry: the attached strategy's `telemetry(config)` for what the command stored (only when enabled). */
  protected override async collectTelemetry(result: unknown): Promise<SafeAttributes | undefined> {
    if (!this.strategyRegistry) return undefined;
    const { loadAttachTelemetry } = await import('./telemetry-attach.js');
    return loadAttachTelemetry(this.id, this.strategyRegistry, result);
  }

  /** Parse argv with the static flags plus every installed strategy's flags. */
  protected async parseWithStrategies(
    command: AttachCommand,
  ): Promise<{ flags: Record<string, unknown>; values: FlagValues; registry: StrategyRegistry }> {
    const { registry, warnings } = await loadRegistry(this.config);
    this.strategyRegistry = registry;
    warnings.forEach((w) => this.addWarning(w));
    const ctor = this.constructor as typeof AttachStrategyCommand;
    const { flags } = await this.parse({
      flags: { ...ctor.flags, ...contributedFlags(registry, command) },
      baseFlags: ctor.baseFlags,
      enableJsonFlag: ctor.enableJsonFlag,
      args: ctor.args,
      strict: true,
    });
    rejectEmptyFlags(command, flags as Record<string, unknown>);
    const resolved = await strategyValues(registry, command, flags as Record<string, unknown>);
    resolved.warnings.forEach((w) => this.addWarning(w));
    return { flags: flags as Record<string, unknown>, values: resolved.values, registry };
  }
}
