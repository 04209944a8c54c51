import { describe, expect, it } from 'vitest';
import { keysOf, splitKeys, type InkKey, type Key } from './keys.js';
import { editLine, lineAtEnd } from './line-edit.js';

const text = (t: string): Key => ({ name: 'text', text: t });
const NO_KEY: InkKey = {
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  tab: false,
  ctrl: false,
  meta: false,
};

describe('splitKeys', () => {
  it('splits a read into printable runs and keys, in order', () => {
    expect(splitKeys('abc\r')).toEqual([text('abc'), { name: 'enter' }]);
    expect(splitKeys('\u007F\u007F\u007F')).toEqual([
      { name: 'backspace' },
      { name: 'backspace' },
      { name: 'backspace' },
    ]);
    expect(splitKeys('a\bb\tc\r\nd\n')).toEqual([
      text('a'),
      { name: 'backspace' },
      text('b'),
      { name: 'tab' },
      text('c'),
      { name: 'enter' },
      text('d'),
      { name: 'enter' },
    ]);
    expect(splitKeys('x\u0003')).toEqual([text('x'), { name: 'ctrl-c' }]);
  });

  it('reads arrows, Home/End/Delete in their CSI and SS3 forms; unknown sequences are dropped whole', () => {
    expect(splitKeys('\u001B[A\u001B[B\u001B[C\u001B[D\u001BOA\u001B[[B')).toEqual(
      ['up', 'down', 'right', 'left', 'up', 'down'].map((name) => ({ name })),
    );
    expect(splitKeys('\u001B[H\u001B[F\u001B[1~\u001B[4~\u001B[3~\u001B[1;5C')).toEqual(
      ['home', 'end', 'home', 'end', 'delete', 'right'].map((name) => ({ name })),
    );
    expect(splitKeys('a\u001B[15~b')).toEqual([text('a'), text('b')]);
  });

  it('a lone Esc, or one not starting a sequence, is Escape; other control bytes are ignored', () => {
    expect(splitKeys('\u001B')).toEqual([{ name: 'escape' }]);
    expect(splitKeys('\u001Bx')).toEqual([{ name: 'escape' }, text('x')]);
    expect(splitKeys('\u001B[')).toEqual([{ name: 'escape' }, text('[')]);
    expect(splitKeys('a\u0001\u0002b')).toEqual([text('ab')]);
    expect(splitKeys('')).toEqual([]);
  });
});

describe('keysOf (what ink reports for one read)', () => {
  it('takes a key ink named as that one key, and splits raw input', () => {
    expect(keysOf('', { ...NO_KEY, return: true })).toEqual([{ name: 'enter' }]);
    expect(keysOf('', { ...NO_KEY, backspace: true })).toEqual([{ name: 'backspace' }]);
    expect(keysOf('', { ...NO_KEY, upArrow: true })).toEqual([{ name: 'up' }]);
    expect(keysOf('c', { ...NO_KEY, ctrl: true })).toEqual([{ name: 'ctrl-c' }]);
    expect(keysOf('u', { ...NO_KEY, ctrl: true })).toEqual([]);
    expect(keysOf('x', { ...NO_KEY, meta: true })).toEqual([]);
    expect(keysOf('api_key\r', NO_KEY)).toEqual([text('api_key'), { name: 'enter' }]);
  });
});

describe('editLine', () => {
  it('inserts at the cursor, deletes before (Backspace) and at (Delete) it, and moves it', () => {
    let l = lineAtEnd('abd');
    l = editLine(l, { name: 'left' });
    l = editLine(l, text('c'));
    expect(l).toEqual({ value: 'abcd', cursor: 3 });
    l = editLine(editLine(l, { name: 'home' }), { name: 'delete' });
    expect(l).toEqual({ value: 'bcd', cursor: 0 });
    expect(editLine(l, { name: 'backspace' })).toEqual(l);
    l = editLine(editLine(l, { name: 'end' }), { name: 'backspace' });
    expect(l).toEqual({ value: 'bc', cursor: 2 });
    expect(editLine(l, { name: 'right' })).toEqual(l);
    expect(editLine(l, { name: 'enter' })).toEqual(l);
  });
});
