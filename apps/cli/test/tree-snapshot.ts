/**
 * A whole folder tree as data (relative path → type, mode, SHA-256 of the content or the link target), to assert
 * that a failed command left a project, its app/ code and any folder next to it byte-identical, modes included.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export type TreeSnapshot = Record<string, string>;

/** Every entry under `root` (the root itself as `.`), sorted by path. Missing root → `{}`. */
export function snapshotTree(root: string): TreeSnapshot {
  const out: TreeSnapshot = {};
  const walk = (rel: string) => {
    const abs = rel === '.' ? root : join(root, rel);
    let info;
    try {
      info = lstatSync(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel === '.') return;
      throw err;
    }
    const mode = (info.mode & 0o7777).toString(8);
    if (info.isDirectory()) {
      out[rel] = `dir ${mode}`;
      for (const name of readdirSync(abs).sort()) walk(rel === '.' ? name : join(rel, name));
    } else if (info.isSymbolicLink()) {
      out[rel] = `link ${readlinkSync(abs)}`;
    } else {
      out[rel] = `file ${mode} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
    }
  };
  walk('.');
  return out;
}
