import type { Interfaces } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import type { StrategyRegistry } from '@agentcore/auth';
import type { LoadedStrategies } from './command-host.js';
import { loadRegistry } from './strategies.js';

export interface ProjectContext {
  store: ProjectStore;
  registry: StrategyRegistry;
  /** Warnings from loading plugins. */
  warnings: string[];
}

/** Find the project from the current folder and open it with the installed strategies' model. */
export async function openProject(config: Interfaces.Config, cwd: string = process.cwd()): Promise<ProjectContext> {
  return openProjectWith(await loadRegistry(config), cwd);
}

/** {@link openProject} for strategies already loaded (command handlers get them from their host). */
export async function openProjectWith(loaded: LoadedStrategies, cwd: string = process.cwd()): Promise<ProjectContext> {
  const store = await ProjectStore.open({ cwd, model: loaded.registry.model() });
  return { store, registry: loaded.registry, warnings: loaded.warnings };
}
