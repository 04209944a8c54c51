/**
 * Atomic file writes (temp file + fsync + rename + directory fsync) and a cross-process lock.
 *
 * The files are small (a config, `.env.local`, a lock) and every step must finish before the next, so the work is
 * done with synchronous calls behind the async API: each `fs.promises` call is a round trip through libuv's thread
 * pool, and the dozen of them in one write were a measurable share of a CLI command's run time.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { SchemaError } from './errors.js';

/**
 * Delete a file that may already be gone. (`fs.promises.rm` would do, but it loads Node's rimraf module on every
 * call — a measurable share of a CLI command's cold start for removing one lock file.)
 */
export async function removeIfPresent(file: string): Promise<void> {
  removeIfPresentSync(file);
}

function removeIfPresentSync(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

export interface WriteAtomicOptions {
  mode?: number;
}

/** Write `data` to `file` so that readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions = {},
): Promise<void> {
  writeFileAtomicSync(file, data, options);
}

function writeFileAtomicSync(file: string, data: string | Uint8Array, options: WriteAtomicOptions): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o644;
  const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fchmodSync(fd, mode); // umask must not widen or narrow what we asked for
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (err) {
    try {
      removeIfPresentSync(tmp);
    } catch {
      // the rename error is the one to report
    }
    throw err;
  }
  let dirFd: number | undefined;
  try {
    dirFd = openSync(dir, constants.O_RDONLY);
    fsyncSync(dirFd);
  } catch {
    // some file systems cannot fsync a directory: the rename is still atomic
  } finally {
    if (dirFd !== undefined) closeSync(dirFd);
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
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockFile, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      breakIfStale(lockFile, staleMs);
      if (Date.now() > deadline) {
        throw new SchemaError(
          'ERR_LOCK_TIMEOUT',
          `Another agentcore command is still changing this project (lock ${lockFile}).`,
          {
            actions: [
              'Wait for the other command to finish and retry.',
              `If no agentcore command is running, delete ${lockFile}.`,
            ],
            details: { lockFile },
          },
        );
      }
      await sleep(5 + Math.random() * Math.min(50, 5 * (attempt + 1)));
    }
  }
  try {
    return await fn();
  } finally {
    removeIfPresentSync(lockFile);
  }
}

function breakIfStale(lockFile: string, staleMs: number): void {
  try {
    const info = statSync(lockFile);
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    const ownerGone = Number.isInteger(pid) && pid > 0 && !processAlive(pid);
    if (ownerGone || Date.now() - info.mtimeMs > staleMs) removeIfPresentSync(lockFile);
  } catch {
    // vanished between attempts: fine
  }
}
