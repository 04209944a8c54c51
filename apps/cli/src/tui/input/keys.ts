/**
 * Terminal input as a list of keys. A terminal read may hold several keys at once (a held Backspace, a paste ending in
 * Enter, a fast typist); screens apply them one by one, in order, so a burst does what the same keys typed slowly do.
 */

export type SpecialKey =
  'enter' | 'backspace' | 'delete' | 'escape' | 'tab' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'ctrl-c';

export type Key = { name: 'text'; text: string } | { name: SpecialKey };

const ESC = '\u001B';

/** CSI / SS3 final bytes and `~` codes of the keys a line editor or a list understands. */
const FINAL: Readonly<Record<string, SpecialKey>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Readonly<Record<string, SpecialKey>> = { '1': 'home', '7': 'home', '3': 'delete', '4': 'end', '8': 'end' };

/** Single control bytes; every other C0 byte is ignored. */
const CONTROL: Readonly<Record<string, SpecialKey>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\u007F': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\u0003': 'ctrl-c',
};

/**
 * An escape sequence at `i` (which holds ESC): `ESC [ params final` (CSI) or `ESC O final` (SS3). Returns the key
 * (undefined for keys no screen uses, e.g. F5) and where the sequence ends; a lone or unknown ESC is Escape.
 */
function escapeSequence(chunk: string, i: number): { key?: SpecialKey; end: number } {
  const kind = chunk[i + 1];
  if (kind !== '[' && kind !== 'O') return { key: 'escape', end: i + 1 };
  let j = i + 2;
  if (kind === '[' && chunk[j] === '[') j++; // legacy ESC [ [ A
  const start = j;
  while (j < chunk.length && /[0-9;:<=>?]/.test(chunk[j] ?? '')) j++;
  const final = chunk[j];
  if (final === undefined || !/[\u0040-\u007E]/.test(final)) return { key: 'escape', end: i + 1 };
  const params = chunk.slice(start, j);
  const key = final === '~' ? TILDE[params.split(';')[0] ?? ''] : FINAL[final];
  return { ...(key ? { key } : {}), end: j + 1 };
}

/** Split one read into keys, in order: runs of printable text, control keys, escape sequences (arrows, Home/End/Delete). */
export function splitKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') keys.push({ name: 'text', text });
    text = '';
  };
  for (let i = 0; i < chunk.length;) {
    const c = chunk[i] ?? '';
    if (c === ESC) {
      flush();
      const seq = escapeSequence(chunk, i);
      if (seq.key) keys.push({ name: seq.key });
      i = seq.end;
    } else if (c === '\r' && chunk[i + 1] === '\n') {
      flush();
      keys.push({ name: 'enter' });
      i += 2;
    } else if (CONTROL[c]) {
      flush();
      keys.push({ name: CONTROL[c] });
      i++;
    } else {
      if (c >= ' ') text += c;
      i++;
    }
  }
  flush();
  return keys;
}

/** What ink's `useInput` reports for one read, reduced to the fields used here. */
export interface InkKey {
  return: boolean;
  escape: boolean;
  backspace: boolean;
  delete: boolean;
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  tab: boolean;
  ctrl: boolean;
  meta: boolean;
  home?: boolean;
  end?: boolean;
}

/**
 * The keys of one `useInput` call. ink names a read that is exactly one key (Enter, an arrow, one Backspace); any
 * other read arrives as raw `input`, which may hold several keys (e.g. `abc\r`), and is split with {@link splitKeys}.
 */
export function keysOf(input: string, key: InkKey): Key[] {
  if (key.ctrl) return input === 'c' ? [{ name: 'ctrl-c' }] : [];
  const named: [boolean | undefined, SpecialKey][] = [
    [key.return, 'enter'],
    [key.escape, 'escape'],
    [key.backspace, 'backspace'],
    [key.delete, 'delete'],
    [key.upArrow, 'up'],
    [key.downArrow, 'down'],
    [key.leftArrow, 'left'],
    [key.rightArrow, 'right'],
    [key.home, 'home'],
    [key.end, 'end'],
    [key.tab, 'tab'],
  ];
  const hit = named.find(([on]) => on);
  if (hit) return [{ name: hit[1] }];
  return key.meta ? [] : splitKeys(input);
}
