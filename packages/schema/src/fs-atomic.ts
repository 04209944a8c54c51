/**
 * Atomic file writes (temp file + fsync + rename + directory fsync) with explicit modes, and the project lock
 * (fs-lock.ts).
 *
 * The files are small (a config, `.env.local`, a lock) and every step must finish before the next, so the work is
 * done with synchronous calls behind the async API: each `fs.promises` call is a round trip through libuv's thread
 * pool, and the dozen of them in one write were a measurable share of a CLI command's run time.
 *
 * Modes never follow the umask: a new file gets exactly the mode asked for (default 0644), a rewritten file keeps
 * its mode where that is stricter (a rewrite never widens it), and every folder created on the way gets 0755 — or
 * 0700 when the file is private (no group/other bits).
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { crashPoint } from './crash-point.js';
import { isAgentcoreError, SchemaError } from './errors.js';
import { processAlive } from './process-alive.js';
import { schemaMessages } from './messages.js';

export { withFileLock, type LockOptions } from './fs-lock.js';

/**
 * Delete a file that may already be gone. (`fs.promises.rm` would do, but it loads Node's rimraf module on every
 * call — a measurable share of a CLI command's cold start for removing one lock file.)
 */
export async function removeIfPresent(file: string): Promise<void> {
  removeIfPresentSync(file);
}

export function removeIfPresentSync(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * A file-system error while writing becomes ERR_WRITE_FAILED with the folder and what to check (errors that are
 * already coded, and anything that is not a system call error, pass through unchanged).
 */
export function toWriteError(err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (isAgentcoreError(err) || !(err instanceof Error) || typeof e.code !== 'string' || !e.syscall) return err;
  const m = schemaMessages();
  const where = e.path ? dirname(e.path) : m.get('error.WriteFailed.where');
  return new SchemaError('ERR_WRITE_FAILED', m.get('error.WriteFailed', { where, code: e.code }), {
    actions: m.list('error.WriteFailed.actions', { where }),
    details: { code: e.code, syscall: e.syscall, ...(e.path ? { path: e.path } : {}) },
    cause: err,
  });
}

/**
 * Create `dir` and its missing parents with `mode` (not the umask); folders that exist are left alone. Returns the
 * folders it created, outermost first.
 */
export function ensureDirSync(dir: string, mode = 0o755): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  const created: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d, { mode });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue; // another process was faster: not ours
      throw err;
    }
    chmodSync(d, mode);
    created.push(d);
  }
  return created;
}

export interface WriteAtomicOptions {
  /** Mode of a new file (default 0644). A rewritten file keeps its mode minus any bit not in this one. */
  mode?: number;
}

/**
 * Temp files are `<name>.<pid>.<hex>.tmp` next to the target, so `.env.local*` in the project's .gitignore covers a
 * secret write's temp file left by a killed process. (Earlier versions wrote `.<name>.<pid>.<hex>.tmp`.)
 */
export function tempFileName(file: string): string {
  return join(dirname(file), `${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Remove temp files of earlier writes of `file` whose process is gone (a kill -9 between create and rename). */
export function removeStaleTempFiles(file: string): void {
  const dir = dirname(file);
  const pattern = new RegExp(`^\\.?${escapeRegExp(basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? 0);
    if (pid > 0 && pid !== process.pid && !processAlive(pid)) {
      try {
        removeIfPresentSync(join(dir, name));
      } catch {
        // best effort: the next write tries again
      }
    }
  }
}

/** Write `data` to `file` so that readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions = {},
): Promise<void> {
  writeFileAtomicSync(file, data, options);
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: WriteAtomicOptions = {}): void {
  const dir = dirname(file);
  const requested = options.mode ?? 0o644;
  ensureDirSync(dir, requested & 0o077 ? 0o755 : 0o700);
  removeStaleTempFiles(file);
  const previous = existingMode(file);
  const mode = previous === undefined ? requested : previous & requested;
  const tmp = tempFileName(file);
  const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode & 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fchmodSync(fd, mode); // umask must not widen or narrow what we asked for
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  crashPoint(`write:${basename(file)}`);
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
  fsyncDir(dir);
}

export function fsyncDir(dir: string): void {
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
