/**
 * Duplicate member names in JSON text. `JSON.parse` silently keeps the last value of a repeated name, so a token
 * could show one value to one parser and another to the next; RFC 7515 §5.2 / RFC 7519 §4 require rejecting it.
 */

/**
 * The first member name that occurs twice in one object of `text` (at any depth), or `undefined`. Names are
 * compared after unescaping (`"a"` and `"\u0061"` are the same name). `text` must already be valid JSON.
 */
export function findDuplicateMember(text: string): string | undefined {
  // One entry per open container: the names seen so far for an object, `null` for an array.
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const end = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (top && nextSignificant(text, end) === ':') {
        const name = JSON.parse(text.slice(i, end)) as string;
        if (top.has(name)) return name;
        top.add(name);
      }
      i = end;
      continue;
    }
    i++;
  }
  return undefined;
}

/** Index just past the closing quote of the string literal that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function nextSignificant(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return text[i];
}
