/** Read-only access to the agentcore project a plugin command runs in. */
import {
  createProjectModel,
  findProjectRoot,
  ProjectStore,
  SchemaError,
  schemaMessages,
  type ProjectConfig,
} from '@agentcore/schema';

export interface ProjectView {
  /** Folder holding `agentcore/agentcore.json`. */
  root: string;
  configFile: string;
  /** `agentcore.json` as written (not validated against the installed strategies; `agentcore validate` does that). */
  config: ProjectConfig;
}

/**
 * The project at or above `cwd`, read once. Coded errors (`ERR_PROJECT_NOT_FOUND`, `ERR_CONFIG_UNREADABLE`,
 * `ERR_CONFIG_INVALID_JSON`, `ERR_CONFIG_INVALID`) say what to do, as the CLI's own commands do.
 */
export async function readProject(cwd: string = process.cwd()): Promise<ProjectView> {
  const store = new ProjectStore(await findProjectRoot(cwd), { model: createProjectModel() });
  const raw = await store.readRaw();
  const lists = ['runtimes', 'credentials', 'agentCoreGateways'] as const;
  if (typeof raw !== 'object' || raw === null || lists.some((k) => !Array.isArray((raw as Record<string, unknown>)[k])))
    throw new SchemaError(
      'ERR_CONFIG_INVALID',
      schemaMessages().get('error.NotAProject', { file: store.paths.configFile }),
      {
        actions: schemaMessages().list('error.NotAProject.actions'),
        details: { file: store.paths.configFile },
      },
    );
  return { root: store.paths.root, configFile: store.paths.configFile, config: raw as ProjectConfig };
}
