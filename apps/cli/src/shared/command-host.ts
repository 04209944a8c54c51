/**
 * What a command handler (src/handlers) needs from whatever runs it: oclif's Command (AgentcoreCommand.host()) or
 * the cold-start runner (src/fast/lite.ts). Handlers never touch oclif, so both runners share one code path.
 */
import type { StrategyRegistry } from '@agentcore/auth';

export interface LoadedStrategies {
  registry: StrategyRegistry;
  /** Warnings from loading plugins. */
  warnings: string[];
}

export interface CommandHost {
  /** `--json` was given: results and errors are printed as the JSON envelope and human lines are suppressed. */
  readonly json: boolean;
  /** A human-readable result line on stdout (not printed with `--json`). */
  log(message: string): void;
  /** A warning: on stderr in human mode, in the envelope's `warnings` with `--json`. */
  addWarning(message: string): void;
  /** The installed auth strategies (loaded once per process). */
  loadStrategies(): Promise<LoadedStrategies>;
}
