/** Creates a project folder: agentcore/agentcore.json (+ $schema file), .gitignore, optional starter agent. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ProjectNameSchema, ProjectStore, writeFileAtomic, type ProjectModel } from '@agentcore/schema';
import { ProblemList } from './problems.js';
import { writeOfficialLayoutFiles } from './official-layout.js';

export interface CreateProjectInput {
  name?: string;
  /** Parent folder; the project goes in `<dir>/<name>`. */
  dir: string;
}

export interface CreateProjectResult {
  name: string;
  root: string;
  configFile: string;
}

export const SCHEMA_FILE = 'agentcore.schema.json';

export async function createProject(model: ProjectModel, input: CreateProjectInput): Promise<CreateProjectResult> {
  const p = new ProblemList();
  const name = p.field('name', ProjectNameSchema, input.name);
  p.throwIfAny('create');
  if (name === undefined) throw new TypeError('unreachable');
  const root = resolve(input.dir, name);
  const store = await ProjectStore.create(
    root,
    { $schema: `./${SCHEMA_FILE}`, name, version: 1, runtimes: [], credentials: [], agentCoreGateways: [] },
    { model },
  );
  await writeFileAtomic(join(store.paths.configDir, SCHEMA_FILE), JSON.stringify(model.jsonSchema(), null, 2) + '\n');
  await writeOfficialLayoutFiles(store.paths.configDir);
  await mkdir(join(root, 'app'), { recursive: true });
  await writeFile(join(root, '.gitignore'), 'node_modules/\n__pycache__/\n', { flag: 'wx' }).catch(() => undefined);
  return { name, root, configFile: store.paths.configFile };
}
