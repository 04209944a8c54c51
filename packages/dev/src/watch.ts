/** File watchers of `agentcore dev`: agent code (restart the agent) and the project config (reload it). */
import { watch, type FSWatcher } from 'node:fs';

const IGNORED = /(^|[\\/])(node_modules|__pycache__|\.git|\.venv|dist)([\\/]|$)|\.pyc$|~$/;

/** Restart an agent when a file under its code location changes (debounced; dependency and cache folders ignored). */
export function watchCode(dir: string, onChange: (file: string) => void, debounceMs = 300): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const watcher = watch(dir, { recursive: true }, (_event, file) => {
    const name = file?.toString() ?? '';
    if (IGNORED.test(name)) return;
    last = name;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), debounceMs);
  });
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}

/**
 * Call `onChange` (debounced) when one of `names` in `dir` is written, replaced (an editor's atomic save: write a
 * temp file, rename it over) or removed. The folder is watched, not the files, so a replaced file is still seen.
 */
export function watchFiles(
  dir: string,
  names: readonly string[],
  onChange: (file: string) => void,
  debounceMs = 200,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const watcher = watch(dir, (_event, file) => {
    const name = file?.toString() ?? '';
    if (!names.includes(name)) return;
    last = name;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), debounceMs);
  });
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}
