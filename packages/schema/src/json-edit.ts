/**
 * Rewrites a JSON document to a new value while keeping what did not change exactly as it was: unchanged subtrees
 * are copied byte for byte from the original text, objects keep their key order (new keys go after the key that
 * precedes them in the new value), array items are matched by `name` (or position), and the text around the root
 * (a missing or present final newline) stays. Only the objects and arrays on the path to a change are re-printed,
 * in the document's own indentation. `agentcore.json` is edited by other tools too (the official CLI writes it with
 * its own key order); this keeps every `add`/`remove` diff down to what the command changed.
 */
import { readFileSync } from 'node:fs';

type Node =
  | { kind: 'object'; start: number; end: number; entries: { key: string; node: Node }[] }
  | { kind: 'array'; start: number; end: number; items: Node[] }
  | { kind: 'scalar'; start: number; end: number };

/** Parse `text` into nodes with their source spans; throws SyntaxError like JSON.parse on invalid input. */
export function parseJsonSpans(text: string): Node {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    // messages-check: internal — rewriteJson() catches it and falls back to the plain rewrite
    throw new SyntaxError(`Unexpected token at position ${i}`);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Node => {
    ws();
    const start = i;
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      const entries: { key: string; node: Node }[] = [];
      ws();
      if (text.charAt(i) === '}') return { kind: 'object', start, end: ++i, entries };
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        const key = str();
        ws();
        if (text.charAt(i++) !== ':') fail();
        entries.push({ key, node: value() });
        ws();
        const sep = text.charAt(i++);
        if (sep === '}') return { kind: 'object', start, end: i, entries };
        if (sep !== ',') fail();
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      ws();
      if (text.charAt(i) === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(value());
        ws();
        const sep = text.charAt(i++);
        if (sep === ']') return { kind: 'array', start, end: i, items };
        if (sep !== ',') fail();
      }
    }
    if (c === '"') {
      str();
      return { kind: 'scalar', start, end: i };
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m?.[0].length ?? 0;
    return { kind: 'scalar', start, end: i };
  };
  const root = value();
  ws();
  if (i !== text.length) fail();
  return root;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values; object key order does not matter, `undefined` members count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => jsonEqual(x, b[k]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** Keys of `next` in the old order; a new key goes right after the key that precedes it in `next`. */
function mergeKeyOrder(oldKeys: string[], next: Record<string, unknown>): string[] {
  const nextKeys = Object.keys(next).filter((k) => next[k] !== undefined);
  const order = oldKeys.filter((k) => nextKeys.includes(k));
  nextKeys.forEach((k, idx) => {
    if (order.includes(k)) return;
    const before = nextKeys
      .slice(0, idx)
      .reverse()
      .find((p) => order.includes(p));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, k);
  });
  return order;
}

function nameOf(v: unknown): string | undefined {
  return isObject(v) && typeof v.name === 'string' ? v.name : undefined;
}

class Printer {
  readonly #text: string;
  readonly #unit: string;
  constructor(text: string) {
    this.#text = text;
    this.#unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  }

  #old(node: Node): unknown {
    return JSON.parse(this.#text.slice(node.start, node.end)) as unknown;
  }

  #fresh(value: unknown, depth: number): string {
    const out = JSON.stringify(value, null, this.#unit) ?? 'null';
    return out.replaceAll('\n', '\n' + this.#unit.repeat(depth));
  }

  #block(open: string, close: string, parts: string[], depth: number): string {
    if (parts.length === 0) return open + close;
    const pad = this.#unit.repeat(depth + 1);
    return `${open}\n${parts.map((p) => pad + p).join(',\n')}\n${this.#unit.repeat(depth)}${close}`;
  }

  render(node: Node | undefined, value: unknown, depth: number): string {
    if (node === undefined) return this.#fresh(value, depth);
    if (jsonEqual(this.#old(node), value)) return this.#text.slice(node.start, node.end);
    if (node.kind === 'object' && isObject(value)) {
      const keys = mergeKeyOrder(
        node.entries.map((e) => e.key),
        value,
      );
      const parts = keys.map((k) => {
        const child = node.entries.find((e) => e.key === k)?.node;
        return `${JSON.stringify(k)}: ${this.render(child, value[k], depth + 1)}`;
      });
      return this.#block('{', '}', parts, depth);
    }
    if (node.kind === 'array' && Array.isArray(value)) {
      const olds = node.items.map((n) => ({ node: n, value: this.#old(n), used: false }));
      const take = (pick: (o: (typeof olds)[number]) => boolean) => {
        const found = olds.find((o) => !o.used && pick(o));
        if (found) found.used = true;
        return found?.node;
      };
      const parts = (value as unknown[]).map((item, idx) => {
        const name = nameOf(item);
        const match =
          take((o) => jsonEqual(o.value, item)) ??
          (name !== undefined
            ? take((o) => nameOf(o.value) === name)
            : olds.length === value.length
              ? take((o) => o === olds[idx])
              : undefined);
        return this.render(match, item, depth + 1);
      });
      return this.#block('[', ']', parts, depth);
    }
    return this.#fresh(value, depth);
  }
}

/**
 * `original` rewritten to hold `next` (see the module comment). Falls back to `fallback` when `original` is not
 * JSON or the result would not read back as `next`.
 */
export function rewriteJson(original: string, next: unknown, fallback: string): string {
  try {
    const root = parseJsonSpans(original);
    const body = new Printer(original).render(root, next as Json, 0);
    const text = original.slice(0, root.start) + body + original.slice(root.end);
    return jsonEqual(JSON.parse(text), next) ? text : fallback;
  } catch {
    return fallback;
  }
}

/** {@link rewriteJson} applied to the current content of `file` (`fallback` when it cannot be read). */
export function rewriteJsonFile(file: string, next: unknown, fallback: string): string {
  let original: string;
  try {
    original = readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
  return rewriteJson(original, next, fallback);
}
