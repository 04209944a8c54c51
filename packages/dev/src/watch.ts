/** Restart an agent when a file under its code location changes (debounced; dependency and cache folders ignored). */
import { watch, type FSWatcher } from 'node:fs';

const IGNORED = /(^|[\\/])(node_modules|__pycache__|\.git|\.venv|dist)([\\/]|$)|\.pyc$|~$/;

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
