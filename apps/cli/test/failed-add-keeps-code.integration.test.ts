/**
 * A failed `add agent` undoes only what it created: an agent folder that already holds code — the project's own
 * app/<name>, or a folder outside the project given with --code-location — survives with every file (built binary).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './helpers.js';
import { snapshotTree } from './tree-snapshot.js';

describe('a failing add agent never deletes an existing folder', () => {
  let sb: Sandbox;
  let root: string;

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    const added = await sb.run(['add', 'agent', '--name', 'E', '--template', 'node', '--json'], { cwd: root });
    expect(added.exitCode, added.stdout).toBe(0);
    await writeFile(join(root, 'app', 'E', 'mine.txt'), 'my own work\n');
    await mkdir(join(sb.dir, 'precious'));
    await writeFile(join(sb.dir, 'precious', 'keep.py'), 'print("keep")\n');
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['the same command again', ['add', 'agent', '--name', 'E', '--template', 'node']],
    [
      'a duplicate name with --code-location outside the project',
      ['add', 'agent', '--name', 'E', '--code-location', '../precious'],
    ],
    [
      'a duplicate name with --code-location of a folder that does not exist yet',
      ['add', 'agent', '--name', 'E', '--code-location', 'app/Fresh'],
    ],
  ])('%s → ERR_DUPLICATE, project and sibling folders byte-identical', async (_label, args) => {
    const before = snapshotTree(sb.dir);
    expect(before['Demo/app/E/mine.txt']).toBeDefined();
    expect(before['precious/keep.py']).toBeDefined();
    const r = await sb.run([...args, '--json'], { cwd: root });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(r.json?.code).toBe('ERR_DUPLICATE');
    expect(r.json?.actions?.[0]).toContain('--name');
    expect(snapshotTree(sb.dir)).toEqual(before);
  });
});
