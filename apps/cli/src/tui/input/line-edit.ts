/** One line of text being edited: insert at the cursor, Backspace / Delete, ← → Home End. Pure. */
import type { Key } from './keys.js';

export interface Line {
  value: string;
  /** 0 … value.length (code units). */
  cursor: number;
}

export function lineAtEnd(value: string): Line {
  return { value, cursor: value.length };
}

/** The line after `key`; keys a line does not use (Enter, Esc, ↑ ↓, Tab) leave it as it is. */
export function editLine(line: Line, key: Key): Line {
  const { value } = line;
  const cursor = Math.min(Math.max(0, line.cursor), value.length);
  switch (key.name) {
    case 'text':
      return { value: value.slice(0, cursor) + key.text + value.slice(cursor), cursor: cursor + key.text.length };
    case 'backspace':
      return cursor === 0
        ? { value, cursor }
        : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: value.length };
    default:
      return { value, cursor };
  }
}
