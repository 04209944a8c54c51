import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock, writeFileAtomic } from './fs-atomic.js';
import { SchemaError } from './errors.js';

describe('fs-atomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes with the requested mode regardless of umask, creating folders, leaving no temp files', async () => {
    const file = join(dir, 'a', 'b', 'f.txt');
    await writeFileAtomic(file, 'one', { mode: 0o600 });
    await writeFileAtomic(file, 'two', { mode: 0o600 });
    expect(await readFile(file, 'utf8')).toBe('two');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['f.txt']);
  });

  it('readers never see a partial file while writers race', async () => {
    const file = join(dir, 'f.json');
    await writeFileAtomic(file, JSON.stringify({ n: -1, pad: 'x'.repeat(100_000) }));
    const writes = Array.from({ length: 20 }, (_, n) =>
      writeFileAtomic(file, JSON.stringify({ n, pad: 'x'.repeat(100_000) })),
    );
    const reads = Array.from({ length: 40 }, async () => JSON.parse(await readFile(file, 'utf8')) as { n: number });
    await Promise.all([...writes, ...reads]);
    expect((JSON.parse(await readFile(file, 'utf8')) as { n: number }).n).toBeGreaterThanOrEqual(0);
  });

  it('serialises critical sections and releases the lock after a failure', async () => {
    const lock = join(dir, '.cli', 'project.lock');
    let inside = 0;
    let maxInside = 0;
    const section = () =>
      withFileLock(lock, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 2));
        inside--;
      });
    await Promise.all(Array.from({ length: 10 }, section));
    expect(maxInside).toBe(1);
    await expect(
      withFileLock(lock, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(withFileLock(lock, async () => 'free again')).resolves.toBe('free again');
  });

  it('times out with ERR_LOCK_TIMEOUT and actions while another live process holds the lock', async () => {
    const lock = join(dir, 'project.lock');
    await writeFile(lock, String(process.pid)); // this process is alive, and the lock is fresh
    const err = await withFileLock(lock, async () => 'never', { timeoutMs: 100, staleMs: 60_000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).code).toBe('ERR_LOCK_TIMEOUT');
    expect((err as SchemaError).actions[0]).toBe('Wait for the other command to finish and retry.');
    expect((err as SchemaError).actions[1]).toContain(lock);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const lock = join(dir, 'project.lock');
    await writeFile(lock, '999999999');
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 2_000 })).resolves.toBe('taken');
  });

  it('names temp files <name>.<pid>.<hex>.tmp and removes leftovers of dead processes on the next write', async () => {
    const file = join(dir, '.env.local');
    const dead = ['.env.local.999999999.0badc0de.tmp', '..env.local.999999998.0badc0de.tmp'];
    const live = `.env.local.${process.ppid}.0badc0de.tmp`; // the parent process is alive
    const unrelated = '.env.local.backup';
    for (const n of [...dead, live, unrelated]) await writeFile(join(dir, n), 'x');
    await writeFileAtomic(file, 'A=1\n', { mode: 0o600 });
    expect((await readdir(dir)).sort()).toEqual(['.env.local', live, unrelated].sort());
  });

  it('keeps a stricter mode on rewrite and never widens one', async () => {
    const config = join(dir, 'agentcore.json');
    await writeFileAtomic(config, '{}');
    expect((await stat(config)).mode & 0o777).toBe(0o644);
    await chmod(config, 0o600);
    await writeFileAtomic(config, '{"a":1}');
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    const env = join(dir, '.env.local');
    await writeFile(env, 'A=1\n', { mode: 0o644 });
    await chmod(env, 0o644);
    await writeFileAtomic(env, 'A=2\n', { mode: 0o600 });
    expect((await stat(env)).mode & 0o777).toBe(0o600);
  });

  it('creates missing folders 0755, or 0700 for a private file, whatever the umask', async () => {
    const previous = process.umask(0o000);
    try {
      await writeFileAtomic(join(dir, 'pub', 'deep', 'f.json'), '{}');
      await writeFileAtomic(join(dir, 'priv', 'secret'), 's', { mode: 0o600 });
    } finally {
      process.umask(previous);
    }
    expect((await stat(join(dir, 'pub'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dir, 'pub', 'deep'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dir, 'pub', 'deep', 'f.json'))).mode & 0o777).toBe(0o644);
    expect((await stat(join(dir, 'priv'))).mode & 0o777).toBe(0o700);
  });
});
