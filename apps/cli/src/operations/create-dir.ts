/**
 * `create --dir` must name a folder a project can live in. Checked before anything is written: the nearest existing
 * folder on the path must be a directory, writable, and not on a kernel virtual file system (/proc, /sys, …), where
 * Node's recursive mkdir never returns. Errors of the file system during `create` become the same user error.
 */
import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('create');

/** statfs(2) magic numbers of virtual file systems that cannot hold files (linux/magic.h). */
const VIRTUAL_FS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x74726163, 0x27e0eb, 0x63677270, 0x73636673]);

const FS_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EDQUOT', 'ENOENT', 'EEXIST', 'EISDIR']);

function unusable(dir: string, reason: string): CliError {
  return new CliError('ERR_INVALID_INPUT', messages.get('error.DirUnusable', { dir, reason }), {
    actions: messages.list('error.DirUnusable.actions'),
    details: { dir, reason },
  });
}

/** The nearest folder of `path` that exists (itself or an ancestor). */
function nearestExisting(path: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      statSync(p);
      return p;
    } catch {
      if (dirname(p) === p) return p;
    }
  }
}

/** Throws ERR_INVALID_INPUT naming `dir` when no project can be created in it. */
export function checkCreateDir(dir: string): void {
  const abs = resolve(dir);
  const existing = nearestExisting(abs);
  let isDir = false;
  try {
    isDir = statSync(existing).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw unusable(abs, messages.get('error.DirUnusable.notDir', { path: existing }));
  try {
    if (VIRTUAL_FS.has(Number(statfsSync(existing).type)))
      throw unusable(abs, messages.get('error.DirUnusable.virtual', { path: existing }));
  } catch (err) {
    if (err instanceof CliError) throw err;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw unusable(abs, (err as NodeJS.ErrnoException).code ?? String(err));
  }
}

/** A file-system error raised while creating the project in `dir`, as the user error; other errors unchanged. */
export function dirError(err: unknown, dir: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && FS_ERRORS.has(code)
    ? unusable(resolve(dir), `${code}: ${(err as Error).message}`)
    : err;
}
