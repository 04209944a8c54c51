/**
 * Message bundles: user-facing text lives in `messages/<bundle>.md`, one `# key` heading per entry
 * (`summary`, `description`, `examples`, `flags.<flag>.summary`, `prompt.<name>`, `error.<Name>`,
 * `error.<Name>.actions`). Commands, wizards and strategies all read from these files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export class Messages {
  readonly bundle: string;
  readonly #entries: ReadonlyMap<string, string>;

  constructor(bundle: string, entries: ReadonlyMap<string, string>) {
    this.bundle = bundle;
    this.#entries = entries;
  }

  /** Load `<dir>/<bundle>.md` synchronously (small files, read once at module load). */
  static load(dir: string, bundle: string): Messages {
    return new Messages(bundle, parseMessages(readFileSync(join(dir, `${bundle}.md`), 'utf8')));
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The text for `key` with `{name}` placeholders filled. Throws TypeError for a missing key (a programming error). */
  get(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    const text = this.#entries.get(key);
    // messages-check: internal — a key the code asks for and the bundle lacks is a bug, caught by the package's tests
    if (text === undefined) throw new TypeError(`message ${this.bundle}:${key} is missing`);
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  }

  /** A list entry (markdown `- ` items), e.g. `examples` or `error.X.actions`. */
  list(key: string, values: Readonly<Record<string, string | number>> = {}): string[] {
    if (!this.#entries.has(key)) return [];
    return this.get(key, values)
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).trim());
  }
}

export function parseMessages(markdown: string): Map<string, string> {
  const entries = new Map<string, string>();
  let key: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (key !== undefined) entries.set(key, body.join('\n').trim());
  };
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const m = /^# (\S+)\s*$/.exec(line);
    if (m && m[1]) {
      flush();
      key = m[1];
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return entries;
}

let schemaBundle: Messages | undefined;

/** This package's own texts (`packages/schema/messages/schema.md`), read on first use. */
export function schemaMessages(): Messages {
  schemaBundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'schema');
  return schemaBundle;
}
