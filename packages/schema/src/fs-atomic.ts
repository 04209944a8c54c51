/** Atomic file writes (temp file + fsync + rename + directory fsync) and a cross-process lock. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, stat, readFile, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { SchemaError } from './errors.js';

/**
 * Delete a file that may already be gone. (`fs.promises.rm` would do, but it loads Node's rimraf module on every
 * call — a measurable share of a CLI command's cold start for removing one lock file.)
 */
export async function removeIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

export interface WriteAtomicOptions {
  mode?: number;
}

/** Write `data` to `file` so that readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o644;
  const fh = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    await fh.writeFile(data);
    await fh.chmod(mode); // umask must not widen or narrow what we asked for
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await removeIfPresent(tmp).catch(() => undefined);
    throw err;
  }
  const dh = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (dh) {
    await dh.sync().catch(() => undefined);
    await dh.close();
  }
}

export interface LockOptions {
  timeoutMs?: number;
  /** A lock older than this whose owner process is gone is taken over. */
  staleMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `fn` while holding an exclusive lock file (O_EXCL create). Works across processes on one machine. */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(lockFile, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      await breakIfStale(lockFile, staleMs);
      if (Date.now() > deadline) {
        throw new SchemaError('ERR_LOCK_TIMEOUT', `Another agentcore command is still changing this project (lock ${lockFile}).`, {
          actions: ['Wait for the other command to finish and retry.', `If no agentcore command is running, delete ${lockFile}.`],
          details: { lockFile },
        });
      }
      await sleep(5 + Math.random() * Math.min(50, 5 * (attempt + 1)));
    }
  }
  try {
    return await fn();
  } finally {
    await removeIfPresent(lockFile);
  }
}

async function breakIfStale(lockFile: string, staleMs: number): Promise<void> {
  try {
    const [info, owner] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
    const pid = Number.parseInt(owner, 10);
    const ownerGone = Number.isInteger(pid) && pid > 0 && !processAlive(pid);
    if (ownerGone || Date.now() - info.mtimeMs > staleMs) await removeIfPresent(lockFile);
  } catch {
    // vanished between attempts: fine
  }
}
