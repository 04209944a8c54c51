/**
 * The committed command/flag snapshot (apps/cli/command-snapshot.json) and `--json` result schemas
 * (apps/cli/schemas/) match the built CLI: a change to a command, a flag or a result type fails here until it is
 * accepted with the update command the failure names.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SNAPSHOT_FILE,
  UPDATE_COMMAND,
  buildSnapshot,
  diffSchemas,
  diffSnapshots,
  generateSchemas,
  readManifest,
  schemaFileName,
  serialize,
  type JsonSchema,
  type SnapshotCommand,
} from '../../../tools/command-snapshot.mjs';

const accept = `If the change is intended, run \`${UPDATE_COMMAND}\` and commit the result.`;

describe('command/flag snapshot', () => {
  const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as SnapshotCommand[];
  const fresh = buildSnapshot(readManifest());

  it('matches the built CLI', () => {
    const problems = diffSnapshots(committed, fresh);
    expect(problems, `${problems.join('\n')}\n${accept}`).toEqual([]);
    // Byte-equal too, so the committed file is always exactly what the update command writes.
    expect(readFileSync(SNAPSHOT_FILE, 'utf8'), accept).toBe(serialize(fresh));
  });

  it('names the command and flag of each difference', () => {
    const changed = structuredClone(fresh);
    const cred = changed.find((c) => c.command === 'add:credential');
    if (!cred) throw new Error('add:credential is missing from the snapshot');
    const { scopes, ...rest } = cred.flags;
    cred.flags = { ...rest, region: { type: 'option', multiple: false } };
    const validate = changed.find((c) => c.command === 'validate');
    if (!validate?.flags.compat) throw new Error('validate --compat is missing from the snapshot');
    validate.flags.compat = { ...validate.flags.compat, options: ['official', 'other'] };
    const problems = diffSnapshots(
      fresh,
      changed.filter((c) => c.command !== 'status'),
    );
    expect(scopes?.multiple).toBe(true);
    expect(problems).toEqual([
      expect.stringMatching(/^command "add:credential": flag --region was added$/),
      expect.stringMatching(/^command "add:credential": flag --scopes was removed$/),
      expect.stringMatching(/^command "validate": flag --compat changed from .*"official"\].* to .*"other"\]/),
      'command "status" was removed',
    ]);
  });
});

describe('--json result schemas', () => {
  let schemas: Record<string, JsonSchema>;
  beforeAll(() => {
    schemas = generateSchemas();
  });

  it('has one committed schema per command, equal to the one generated from its result type', () => {
    expect(Object.keys(schemas).sort()).toEqual(buildSnapshot(readManifest()).map((c) => c.command));
    const problems = diffSchemas(schemas);
    expect(problems, `${problems.join('\n')}\n${accept}`).toEqual([]);
  });

  it('names the command and the place of a difference', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agentcore-schemas-'));
    try {
      for (const [id, schema] of Object.entries(schemas))
        await writeFile(join(dir, schemaFileName(id)), serialize(schema));
      await writeFile(join(dir, 'gone-command.json'), '{}');
      const changed = structuredClone(schemas);
      const props = (changed['add:credential'] as { properties: Record<string, unknown> }).properties;
      delete props.replaced;
      expect(diffSchemas(changed, dir)).toEqual([
        'command "add:credential": --json result schema changed at /properties/replaced: removed',
        'schemas/gone-command.json belongs to no command',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
