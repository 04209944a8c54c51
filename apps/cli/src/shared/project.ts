import type { Interfaces } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import type { StrategyRegistry } from '@agentcore/auth';
import { loadRegistry } from './strategies.js';

export interface ProjectContext {
  store: ProjectStore;
  registry: StrategyRegistry;
  /** Warnings from loading plugins. */
  warnings: string[];
}

/** Find the project from the current folder and open it with the installed strategies' model. */
export async function openProject(config: Interfaces.Config, cwd: string = process.cwd()): Promise<ProjectContext> {
  const { registry, warnings } = await loadRegistry(config);
  const store = await ProjectStore.open({ cwd, model: registry.model() });
  return { store, registry, warnings };
}
