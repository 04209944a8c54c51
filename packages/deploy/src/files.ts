/**
 * The files of a runtime's code location that go into its zip: everything under the folder, minus what git
 * would ignore (every `.gitignore` on the way down, as git reads them) and the folders no runtime zip should carry
 * (`node_modules`, `__pycache__`, `.venv`, `.git`) unless the runtime asks for them. Symbolic links to files are
 * followed; links to folders are skipped (they could loop or leave the code location).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ZipEntry } from './zip.js';

export const ALWAYS_EXCLUDED = ['.git'] as const;
export const DEFAULT_EXCLUDED = ['node_modules', '__pycache__', '.venv', '.git', '.DS_Store'] as const;

export interface CollectOptions {
  /** Folder names to keep even though they are excluded by default (e.g. `node_modules` for vendored deps). */
  include?: readonly string[];
}

interface Rules {
  base: string;
  matcher: Ignore;
}

function rulesOf(dir: string, rel: string): Rules | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: rel, matcher: ignore().add(text) };
}

function ignored(rules: readonly Rules[], rel: string, isDir: boolean): boolean {
  for (const r of rules) {
    const sub = r.base ? posix.relative(r.base, rel) : rel;
    if (r.matcher.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

/** Every file to zip, with its mode; paths relative to `root`, `/`-separated, sorted. */
export function collectFiles(root: string, options: CollectOptions = {}): ZipEntry[] {
  const keep = new Set(options.include ?? []);
  const excluded = new Set<string>(DEFAULT_EXCLUDED.filter((d) => !keep.has(d)));
  for (const d of ALWAYS_EXCLUDED) excluded.add(d);
  const out: ZipEntry[] = [];
  const walk = (dir: string, rel: string, inherited: readonly Rules[]): void => {
    const own = rulesOf(dir, rel);
    const rules = own ? [...inherited, own] : inherited;
    const dirents = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const dirent of dirents) {
      const name = dirent.name;
      const abs = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st || excluded.has(name)) continue; // dangling link or excluded folder/file
      if (st.isDirectory()) {
        if (dirent.isSymbolicLink() || ignored(rules, relPath, true)) continue;
        walk(abs, relPath, rules);
      } else if (st.isFile() && !ignored(rules, relPath, false)) {
        out.push({ path: relPath, data: readFileSync(abs), mode: st.mode });
      }
    }
  };
  walk(root, '', []);
  return out;
}
