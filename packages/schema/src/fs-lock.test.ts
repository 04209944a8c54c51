/**
 * The project lock against real processes: a child node process holds it (through the built module), then is
 * killed with SIGKILL or kept alive, and this process tries to take it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withFileLock } from './fs-lock.js';
import { processStartTime } from './process-alive.js';
import { SchemaError } from './errors.js';

const BUILT = pathToFileURL(fileURLToPath(new URL('../dist/fs-lock.js', import.meta.url))).href;

/** A child that takes the lock, says "held" on stdout and keeps it until killed. */
function holder(lockFile: string, options: { staleMs: number; refreshMs: number }): Promise<ChildProcess> {
  const script = `
    const { withFileLock } = await import(${JSON.stringify(BUILT)});
    await withFileLock(${JSON.stringify(lockFile)}, async () => {
      process.stdout.write('held\\n');
      await new Promise(() => setInterval(() => {}, 1000));
    }, ${JSON.stringify(options)});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('held')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('project lock with real processes', () => {
  let dir: string;
  let lock: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-lock-'));
    lock = join(dir, '.cli', 'project.lock');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map(killed));
    await rm(dir, { recursive: true, force: true });
  });

  it('takes over at once from a holder killed with SIGKILL, long before the lock could age', async () => {
    const child = await holder(lock, { staleMs: 60_000, refreshMs: 50 });
    children.push(child);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: child.pid });
    await killed(child);
    const t0 = Date.now();
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 5_000, staleMs: 60_000 })).resolves.toBe('taken');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('never steals from a live holder that keeps refreshing, even past staleMs', async () => {
    const child = await holder(lock, { staleMs: 300, refreshMs: 50 });
    children.push(child);
    const before = await readFile(lock, 'utf8');
    const err = await withFileLock(lock, async () => 'stolen', { timeoutMs: 1_500, staleMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).code).toBe('ERR_LOCK_TIMEOUT');
    expect((err as SchemaError).actions[0]).toContain('Wait for the other command');
    expect(await readFile(lock, 'utf8')).toBe(before);
  });

  it('takes over from a pid that is alive but belongs to another process (recycled pid: other start time)', async () => {
    await mkdir(join(dir, '.cli'));
    await writeFile(lock, JSON.stringify({ pid: process.pid, start: 'not-this-process', token: 'old' }));
    expect(processStartTime(process.pid)).toBeDefined();
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 2_000, staleMs: 60_000 })).resolves.toBe('taken');
  });

  it('takes over from a live pid whose lock was not refreshed for staleMs', async () => {
    await mkdir(join(dir, '.cli'));
    const start = processStartTime(process.pid);
    await writeFile(lock, JSON.stringify({ pid: process.pid, start, token: 'old' }));
    const old = new Date(Date.now() - 10_000);
    await utimes(lock, old, old);
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 2_000, staleMs: 5_000 })).resolves.toBe('taken');
  });

  it('release leaves a lock that is no longer ours (taken over meanwhile)', async () => {
    const thief = JSON.stringify({ pid: process.pid, token: 'thief' });
    await withFileLock(lock, async () => {
      await writeFile(lock, thief);
    });
    expect(await readFile(lock, 'utf8')).toBe(thief);
  });

  it('refreshes the lock while held (mtime moves)', async () => {
    const mtimes = await withFileLock(
      lock,
      async () => {
        const old = new Date(Date.now() - 60_000);
        await utimes(lock, old, old);
        for (let i = 0; i < 200; i++) {
          await new Promise((r) => setTimeout(r, 10));
          const now = (await stat(lock)).mtimeMs;
          if (now > old.getTime() + 1_000) return now;
        }
        return undefined;
      },
      { refreshMs: 20 },
    );
    expect(mtimes).toBeDefined();
  });
});
