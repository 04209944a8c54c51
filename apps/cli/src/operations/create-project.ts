/**
 * Creates a project folder: agentcore/agentcore.json (+ $schema file), .gitignore files and app/. Everything is
 * created through one transaction, agentcore.json last: a failure removes what this command created and nothing
 * else, so creating into an existing folder never touches what was there.
 */
import { join, resolve } from 'node:path';
import { FsTransaction, ProjectNameSchema, ProjectStore, type ProjectModel } from '@agentcore/schema';
import { ProblemList } from './problems.js';
import { officialLayoutFiles } from './official-layout.js';

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
  const tx = new FsTransaction();
  try {
    const store = await ProjectStore.create(
      root,
      { $schema: `./${SCHEMA_FILE}`, name, version: 1, runtimes: [], credentials: [], agentCoreGateways: [] },
      {
        model,
        transaction: tx,
        dirs: [join(root, 'app')],
        files: [
          {
            path: join(root, 'agentcore', SCHEMA_FILE),
            data: JSON.stringify(model.jsonSchema(), null, 2) + '\n',
            replace: true,
          },
          { path: join(root, '.gitignore'), data: 'node_modules/\n__pycache__/\n', replace: false },
          ...officialLayoutFiles(join(root, 'agentcore')),
        ],
      },
    );
    tx.commit();
    return { name, root, configFile: store.paths.configFile };
  } catch (err) {
    tx.rollback();
    throw err;
  }
}
