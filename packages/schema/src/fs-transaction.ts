/**
 * What a command created on disk, so that a failure undoes exactly that.
 *
 * An {@link FsTransaction} records every folder and file it creates — only paths that did not exist before — and
 * {@link FsTransaction.rollback} removes them, deepest first: files are unlinked, folders removed only when empty
 * (so nothing that was there before, or that someone else put there meanwhile, is ever deleted).
 *
 * Starter code is scaffolded into a hidden staging folder next to its place (`.<name>.<pid>.<hex>.scaffold`) and
 * renamed into place only after agentcore.json names it (the rename is atomic). A process killed on the way leaves
 * at most a staging folder; {@link recoverScaffolds} (run by every project update, under the lock) renames it into
 * place when the config names that folder and it is missing, and removes it otherwise.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { crashPoint } from './crash-point.js';
import { ensureDirSync, fsyncDir } from './fs-atomic.js';
import { processAlive } from './process-alive.js';

const STAGING = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.scaffold$/;

export class FsTransaction {
  /** Created paths in creation order (a folder always before what is inside it). */
  readonly #created: string[] = [];

  /** Paths this transaction created, in creation order. */
  get created(): readonly string[] {
    return this.#created;
  }

  /** Create `dir` and missing parents (mode 0755 unless given); existing folders are not recorded. */
  mkdir(dir: string, mode = 0o755): void {
    this.#created.push(...ensureDirSync(resolve(dir), mode));
  }

  /** Create a new file (fails with EEXIST if there is one); missing parent folders are created and recorded. */
  writeNewFile(file: string, data: string | Uint8Array, mode = 0o644): void {
    const path = resolve(file);
    this.mkdir(dirname(path), mode & 0o077 ? 0o755 : 0o700);
    const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode & 0o600);
    this.#created.push(path);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Copy the folder `from` to `to` (which must not exist): folders 0755, files 0644 (0755 when the source is
   * executable), whatever the umask. Symlinks in the source are not followed.
   */
  copyTree(from: string, to: string): void {
    const dest = resolve(to);
    this.mkdir(dirname(dest));
    const copy = (src: string, dst: string) => {
      const info = lstatSync(src);
      if (info.isDirectory()) {
        this.mkdirNew(dst);
        for (const name of readdirSync(src).sort()) copy(join(src, name), join(dst, name));
      } else if (info.isFile()) {
        this.writeNewFile(dst, readFileSync(src), info.mode & 0o111 ? 0o755 : 0o644);
        crashPoint('scaffold:file');
      }
    };
    copy(resolve(from), dest);
  }

  /** Create exactly `dir` (its parent must exist); fails if it exists. */
  mkdirNew(dir: string, mode = 0o755): void {
    const path = resolve(dir);
    // messages-check: internal — an fs-style EEXIST error, as fs.mkdir throws; callers branch on its code
    if (existsSync(path)) throw Object.assign(new Error(`EEXIST: ${path} already exists`), { code: 'EEXIST' });
    const created = ensureDirSync(path, mode);
    // messages-check: internal — an fs-style EEXIST error, as fs.mkdir throws; callers branch on its code
    if (created.length === 0) throw Object.assign(new Error(`EEXIST: ${path} already exists`), { code: 'EEXIST' });
    this.#created.push(...created);
  }

  /**
   * Atomically rename a folder this transaction created to `to` (replacing nothing but an empty folder); the
   * records follow it.
   */
  moveInto(from: string, to: string): void {
    const src = resolve(from);
    const dst = resolve(to);
    renameSync(src, dst);
    fsyncDir(dirname(dst));
    for (let i = 0; i < this.#created.length; i++) {
      const p = this.#created[i] ?? '';
      if (p === src || p.startsWith(src + sep)) this.#created[i] = dst + p.slice(src.length);
    }
  }

  /** Keep everything created. */
  commit(): void {
    this.#created.length = 0;
  }

  /** Remove what this transaction created, deepest first. Errors are collected, never thrown past the caller's. */
  rollback(): void {
    for (const path of [...this.#created].reverse()) {
      try {
        if (lstatSync(path).isDirectory()) rmdirSync(path);
        else unlinkSync(path);
      } catch {
        // gone already, or a folder someone else put files in: left alone
      }
    }
    this.#created.length = 0;
  }
}

/** The hidden staging folder that starter code for `dest` is scaffolded into. */
export function scaffoldStagingPath(dest: string): string {
  const path = resolve(dest);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.scaffold`);
}

/**
 * Finish or undo what killed `add agent` runs left: in `app/` and next to every configured code location, a staging
 * folder of a process that is gone is renamed into place when `codeDirs` (the committed config's code locations)
 * names its target and the target is missing, and removed otherwise. `alsoScan` adds folders to look in.
 */
export function recoverScaffolds(root: string, codeDirs: readonly string[], alsoScan: readonly string[] = []): void {
  const wanted = new Set(codeDirs.map((d) => resolve(root, d)));
  const parents = new Set([
    resolve(root, 'app'),
    ...[...wanted].map((d) => dirname(d)),
    ...alsoScan.map((d) => resolve(root, d)),
  ]);
  for (const parent of parents) {
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = STAGING.exec(name);
      const pid = Number(m?.[2] ?? 0);
      if (!m || pid === process.pid || processAlive(pid)) continue;
      const staging = join(parent, name);
      const target = join(parent, m[1] ?? '');
      try {
        if (!statSync(staging).isDirectory()) continue;
        if (wanted.has(target) && !existsSync(target)) renameSync(staging, target);
        else rmSync(staging, { recursive: true, force: true });
      } catch {
        // best effort: the next update tries again
      }
    }
  }
}
