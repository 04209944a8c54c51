/**
 * Pure `.env` parsing and rewriting that keeps unrelated lines, comments and order (the official CLI regenerates
 * the whole file and loses them). Values we write are always double-quoted with `\\`, `"`, `\n`, `\r` escaped.
 */
import { ENV_VAR_NAME_PATTERN } from './names.js';

export type EnvLine = { kind: 'entry'; key: string; value: string; raw: string } | { kind: 'other'; raw: string };

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

function unquote(v: string): string {
  const t = v.trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
    return t.slice(1, -1).replace(/\\(["\\nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
  }
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) return t.slice(1, -1);
  const hash = t.search(/\s#/);
  return hash >= 0 ? t.slice(0, hash).trim() : t;
}

export function quoteEnvValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

export function parseEnvFile(text: string): EnvLine[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw) => {
    const m = ENTRY.exec(raw);
    return m && m[1] ? { kind: 'entry', key: m[1], value: unquote(m[2] ?? ''), raw } : { kind: 'other', raw };
  });
}

export function envEntries(lines: readonly EnvLine[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const l of lines) if (l.kind === 'entry') map.set(l.key, l.value);
  return map;
}

export interface EnvChanges {
  set?: Readonly<Record<string, string>>;
  delete?: readonly string[];
}

/** Apply changes: existing keys are rewritten in place, new keys appended, deleted keys dropped. */
export function applyEnvChanges(lines: readonly EnvLine[], changes: EnvChanges): EnvLine[] {
  const set = new Map(Object.entries(changes.set ?? {}));
  const del = new Set(changes.delete ?? []);
  for (const key of [...set.keys(), ...del]) {
    // messages-check: internal — callers derive keys from validated names; a bad key here is a bug
    if (!ENV_VAR_NAME_PATTERN.test(key)) throw new TypeError(`invalid .env key: ${key}`);
  }
  const out: EnvLine[] = [];
  for (const l of lines) {
    if (l.kind === 'entry' && del.has(l.key)) continue;
    if (l.kind === 'entry' && set.has(l.key)) {
      const value = set.get(l.key) ?? '';
      out.push({ kind: 'entry', key: l.key, value, raw: `${l.key}=${quoteEnvValue(value)}` });
      set.delete(l.key);
      continue;
    }
    out.push(l);
  }
  for (const [key, value] of set) out.push({ kind: 'entry', key, value, raw: `${key}=${quoteEnvValue(value)}` });
  return out;
}

export function serializeEnvFile(lines: readonly EnvLine[]): string {
  return lines.length === 0 ? '' : lines.map((l) => l.raw).join('\n') + '\n';
}
