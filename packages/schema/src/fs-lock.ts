/**
 * The project lock: an exclusive lock file (O_EXCL create) that works across processes on one machine.
 *
 * - The file holds `{pid, start, token}`: the owner's pid, its start time (see process-alive.ts) and a random token.
 * - While held, a timer (unref'd, so it never keeps a process alive) touches the file's mtime every `refreshMs`.
 * - A waiter takes the lock over only when it is stale: its owner is gone (the pid is dead, or the pid now belongs to
 *   a process with another start time), or it was not refreshed for `staleMs`. A live, slow owner keeps its lock.
 * - Taking over renames the stale file away first, so of several waiters exactly one removes it; one that moved a
 *   fresh lock by mistake (taken between its read and its rename) links it back.
 * - Release deletes the file only if it still holds our token.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { SchemaError } from './errors.js';
import { ensureDirSync, removeIfPresentSync, toWriteError } from './fs-atomic.js';
import { ownerAlive, processStartTime } from './process-alive.js';
import { schemaMessages } from './messages.js';

export interface LockOptions {
  timeoutMs?: number;
  /** A lock not refreshed for this long is taken over even if its pid is alive (default 60 s). */
  staleMs?: number;
  /** How often the owner touches the lock file (default a fifth of `staleMs`, at most 5 s). */
  refreshMs?: number;
}

interface LockOwner {
  pid: number;
  start?: string;
  token?: string;
}

interface HeldLock {
  raw: string;
  owner: LockOwner;
  mtimeMs: number;
}

/** The content of the lock file; older versions wrote the bare pid. */
function parseOwner(raw: string): LockOwner {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof v === 'object' && v !== null && typeof v.pid === 'number') {
      return {
        pid: v.pid,
        ...(typeof v.start === 'string' ? { start: v.start } : {}),
        ...(typeof v.token === 'string' ? { token: v.token } : {}),
      };
    }
  } catch {
    // not JSON: the bare-pid format
  }
  return { pid: Number.parseInt(raw, 10) };
}

function readLock(lockFile: string): HeldLock | undefined {
  try {
    const mtimeMs = statSync(lockFile).mtimeMs;
    const raw = readFileSync(lockFile, 'utf8');
    return { raw, owner: parseOwner(raw), mtimeMs };
  } catch {
    return undefined; // gone between attempts
  }
}

function isStale(held: HeldLock, staleMs: number): boolean {
  // A lock file being written (empty for an instant) is young: only age makes it stale.
  if (held.raw === '') return Date.now() - held.mtimeMs > staleMs;
  return !ownerAlive(held.owner.pid, held.owner.start) || Date.now() - held.mtimeMs > staleMs;
}

/** Remove `lockFile` if it is (still) the stale lock we read; see the module comment. */
function breakIfStale(lockFile: string, staleMs: number, token: string): void {
  const held = readLock(lockFile);
  if (!held || !isStale(held, staleMs)) return;
  const moved = `${lockFile}.stale.${token}`;
  try {
    renameSync(lockFile, moved);
  } catch {
    return; // another waiter moved it first
  }
  let raw: string | undefined;
  try {
    raw = readFileSync(moved, 'utf8');
  } catch {
    raw = undefined;
  }
  if (raw !== undefined && raw !== held.raw) {
    try {
      linkSync(moved, lockFile); // a fresh lock: give it back (fails only if yet another lock exists by now)
    } catch {
      // its owner sees at release that the file is not its own, and leaves it
    }
  }
  removeIfPresentSync(moved);
}

function tryCreate(lockFile: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** One attempt; a lock folder that cannot be created or written is ERR_WRITE_FAILED. */
function acquire(lockFile: string, content: string): boolean {
  try {
    ensureDirSync(dirname(lockFile), 0o700);
    return tryCreate(lockFile, content);
  } catch (err) {
    throw toWriteError(err);
  }
}

function ours(lockFile: string, token: string): boolean {
  try {
    return parseOwner(readFileSync(lockFile, 'utf8')).token === token;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timeoutError(lockFile: string): SchemaError {
  return new SchemaError('ERR_LOCK_TIMEOUT', schemaMessages().get('error.LockTimeout', { lockFile }), {
    actions: schemaMessages().list('error.LockTimeout.actions', { lockFile }),
    details: { lockFile },
  });
}

/** Run `fn` while holding the lock file. The lock's folder is created 0700 if missing. */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const staleMs = options.staleMs ?? 60_000;
  const refreshMs = options.refreshMs ?? Math.min(5_000, Math.max(10, Math.floor(staleMs / 5)));
  const deadline = Date.now() + timeoutMs;
  const token = randomBytes(12).toString('hex');
  const start = processStartTime(process.pid);
  const content = JSON.stringify({ pid: process.pid, ...(start ? { start } : {}), token });
  for (let attempt = 0; !acquire(lockFile, content); attempt++) {
    breakIfStale(lockFile, staleMs, token);
    if (Date.now() > deadline) throw timeoutError(lockFile);
    await sleep(5 + Math.random() * Math.min(50, 5 * (attempt + 1)));
  }
  const refresh = setInterval(() => {
    try {
      if (ours(lockFile, token)) utimesSync(lockFile, new Date(), new Date());
    } catch {
      // released or taken over meanwhile: nothing to refresh
    }
  }, refreshMs);
  refresh.unref();
  try {
    return await fn();
  } finally {
    clearInterval(refresh);
    if (ours(lockFile, token)) removeIfPresentSync(lockFile);
  }
}
