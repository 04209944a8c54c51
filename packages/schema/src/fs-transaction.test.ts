import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsTransaction, recoverScaffolds, scaffoldStagingPath } from './fs-transaction.js';

describe('FsTransaction', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-tx-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('rolls back exactly what it created, deepest first, and nothing that existed', async () => {
    await mkdir(join(dir, 'app'));
    await writeFile(join(dir, 'app', 'mine.txt'), 'mine');
    const tx = new FsTransaction();
    tx.mkdir(join(dir, 'app', 'new', 'deep'));
    tx.writeNewFile(join(dir, 'app', 'new', 'deep', 'f.js'), 'x');
    tx.writeNewFile(join(dir, 'top.txt'), 'y');
    expect(() => tx.writeNewFile(join(dir, 'app', 'mine.txt'), 'overwrite?')).toThrow(/EEXIST/);
    expect(tx.created).toEqual([
      join(dir, 'app', 'new'),
      join(dir, 'app', 'new', 'deep'),
      join(dir, 'app', 'new', 'deep', 'f.js'),
      join(dir, 'top.txt'),
    ]);
    tx.rollback();
    expect(await readdir(dir)).toEqual(['app']);
    expect(await readdir(join(dir, 'app'))).toEqual(['mine.txt']);
    expect(await readFile(join(dir, 'app', 'mine.txt'), 'utf8')).toBe('mine');
  });

  it('leaves a created folder that someone else put a file into', async () => {
    const tx = new FsTransaction();
    tx.mkdir(join(dir, 'x'));
    await writeFile(join(dir, 'x', 'theirs'), 't');
    tx.rollback();
    expect(await readFile(join(dir, 'x', 'theirs'), 'utf8')).toBe('t');
  });

  it('copies a tree with explicit modes, moves it into place and commits', async () => {
    await mkdir(join(dir, 'tpl', 'sub'), { recursive: true });
    await writeFile(join(dir, 'tpl', 'main.js'), 'js', { mode: 0o600 });
    await writeFile(join(dir, 'tpl', 'sub', 'run.sh'), 'sh', { mode: 0o700 });
    const tx = new FsTransaction();
    const dest = join(dir, 'app', 'E');
    const staging = scaffoldStagingPath(dest);
    tx.copyTree(join(dir, 'tpl'), staging);
    tx.moveInto(staging, dest);
    expect(tx.created[0]).toBe(join(dir, 'app'));
    expect(tx.created).toContain(join(dest, 'sub', 'run.sh'));
    tx.commit();
    tx.rollback(); // nothing recorded any more
    expect((await stat(join(dest, 'main.js'))).mode & 0o777).toBe(0o644);
    expect((await stat(join(dest, 'sub', 'run.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dest, 'sub'))).mode & 0o777).toBe(0o755);
    expect(await readdir(join(dir, 'app'))).toEqual(['E']);
  });

  it('recoverScaffolds: finishes a staging folder the config names, removes others, keeps live ones', async () => {
    const app = join(dir, 'app');
    await mkdir(app);
    const dead = 999_999_999;
    await mkdir(join(app, `.Named.${dead}.0badc0de.scaffold`));
    await writeFile(join(app, `.Named.${dead}.0badc0de.scaffold`, 'main.js'), 'js');
    await mkdir(join(app, `.Orphan.${dead}.0badc0de.scaffold`));
    await mkdir(join(app, `.Live.${process.ppid}.0badc0de.scaffold`));
    await mkdir(join(app, 'Users'));
    await mkdir(join(dir, 'elsewhere'));
    await mkdir(join(dir, 'elsewhere', `.Code.${dead}.0badc0de.scaffold`));
    await mkdir(join(dir, 'other'));
    await mkdir(join(dir, 'other', `.New.${dead}.0badc0de.scaffold`));
    recoverScaffolds(dir, ['app/Named/', 'app/Users/', 'elsewhere/Code/'], ['other']);
    expect(await readdir(join(dir, 'other'))).toEqual([]);
    expect((await readdir(app)).sort()).toEqual([`.Live.${process.ppid}.0badc0de.scaffold`, 'Named', 'Users']);
    expect(await readFile(join(app, 'Named', 'main.js'), 'utf8')).toBe('js');
    expect(existsSync(join(dir, 'elsewhere', 'Code'))).toBe(true);
  });
});
