/**
 * `agentcore schema`: the JSON Schema of the composed model (built-ins + installed strategies), written where the
 * project's `$schema` points (agentcore/agentcore.schema.json), to --out, or returned for stdout outside a project.
 */
import { resolve, join } from 'node:path';
import { findProjectRoot, isAgentcoreError, projectPaths, writeFileAtomic, type ProjectModel } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { SCHEMA_FILE } from './create-project.js';

const messages = loadMessages('schema');

export interface SchemaInput {
  /** Output file, relative to `cwd`. */
  out?: string;
  cwd: string;
}

export interface SchemaResult {
  /** The file written; absent when the schema is printed instead. */
  file?: string;
  /** The schema itself, when it is printed rather than written. */
  schema?: Record<string, unknown>;
  /** The schema's title. */
  title: string;
}

export function serializeSchema(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Where the schema goes: --out, else the project's schema file, else nowhere (print it). */
export async function schemaDestination(input: SchemaInput): Promise<string | undefined> {
  if (input.out) return resolve(input.cwd, input.out);
  try {
    return join(projectPaths(await findProjectRoot(input.cwd)).configDir, SCHEMA_FILE);
  } catch (err) {
    if (isAgentcoreError(err) && err.code === 'ERR_PROJECT_NOT_FOUND') return undefined;
    throw err;
  }
}

export async function exportSchema(model: ProjectModel, input: SchemaInput): Promise<SchemaResult> {
  const schema = model.jsonSchema();
  const title = typeof schema.title === 'string' ? schema.title : 'agentcore project';
  const file = await schemaDestination(input);
  if (!file) return { schema, title };
  try {
    await writeFileAtomic(file, serializeSchema(schema));
  } catch (err) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      messages.get('error.WriteFailed', { file, reason: (err as NodeJS.ErrnoException).code ?? 'error' }),
      {
        actions: [messages.get('error.WriteFailed.action')],
        details: { file },
        cause: err,
      },
    );
  }
  return { file, title };
}
