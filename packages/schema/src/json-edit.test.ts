import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonEqual, parseJsonSpans, rewriteJson } from './json-edit.js';

const canonical = (v: unknown) => JSON.stringify(v, null, 2);

/** Shaped like a file the official CLI wrote: its own key order, no final newline. */
const OFFICIAL = {
  name: 'P',
  version: 1,
  runtimes: [{ name: 'A', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/A/', protocol: 'HTTP' }],
  memories: [{ name: 'Mem', eventExpiryDuration: 30, strategies: [{ type: 'SEMANTIC' }] }],
  credentials: [],
  agentCoreGateways: [
    {
      name: 'gw',
      protocolType: 'MCP',
      targets: [{ name: 't', targetType: 'mcpServer', toolDefinitions: [], endpoint: 'https://x.example/mcp' }],
      authorizerType: 'NONE',
      enableSemanticSearch: true,
    },
  ],
  harnesses: [{ name: 'H', path: 'app/H' }],
};

describe('rewriteJson', () => {
  it('keeps untouched sections byte-identical and key order when a resource is added', () => {
    const text = canonical(OFFICIAL);
    // The model's output order differs from the file's: targets/authorizerType moved, memories at the end.
    const { memories, harnesses, ...rest } = OFFICIAL;
    const next = {
      ...rest,
      credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'K' }],
      agentCoreGateways: [
        {
          name: 'gw',
          enableSemanticSearch: true,
          authorizerType: 'NONE',
          protocolType: 'MCP',
          targets: [{ endpoint: 'https://x.example/mcp', name: 't', toolDefinitions: [], targetType: 'mcpServer' }],
        },
      ],
      memories,
      harnesses,
    };
    const out = rewriteJson(text, next, 'fallback');
    expect(out).toBe(canonical({ ...OFFICIAL, credentials: next.credentials }));
    expect(out.endsWith('}')).toBe(true);
  });

  it('inserts a new key after the key that precedes it in the new value', () => {
    const text = canonical({ name: 't', targetType: 'mcpServer', endpoint: 'https://x', extra: 1 });
    const out = rewriteJson(
      text,
      { name: 't', targetType: 'mcpServer', endpoint: 'https://x', outboundAuth: { type: 'NONE' }, extra: 1 },
      'f',
    );
    expect(Object.keys(JSON.parse(out) as object)).toEqual(['name', 'targetType', 'endpoint', 'outboundAuth', 'extra']);
  });

  it('matches array items by name, so removing one keeps the others verbatim (custom formatting included)', () => {
    const text = '{\n    "runtimes": [\n        {"name": "A",   "x": 1},\n        {"name": "B", "x": 2}\n    ]\n}\n';
    const out = rewriteJson(text, { runtimes: [{ x: 2, name: 'B' }] }, 'f');
    expect(out).toBe('{\n    "runtimes": [\n        {"name": "B", "x": 2}\n    ]\n}\n');
  });

  it('re-prints only the changed path in the document indentation', () => {
    const text = '{\n\t"a": [1,2],\n\t"b": {"c": 1}\n}';
    expect(rewriteJson(text, { a: [1, 2], b: { c: 2, d: [true] } }, 'f')).toBe(
      '{\n\t"a": [1,2],\n\t"b": {\n\t\t"c": 2,\n\t\t"d": [\n\t\t\ttrue\n\t\t]\n\t}\n}',
    );
  });

  it('falls back on text that is not JSON', () => {
    expect(rewriteJson('{"a": ', { a: 1 }, 'fallback')).toBe('fallback');
    expect(() => parseJsonSpans('[1,]')).toThrow(SyntaxError);
    expect(() => parseJsonSpans('{"a":1} x')).toThrow(SyntaxError);
  });

  it('always reads back as the new value, and leaves the text alone when only key order differs (seeded)', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, json, fc.constantFrom(0, 2, 4), (before, after, indent) => {
        const text = JSON.stringify(before, null, indent);
        const out = rewriteJson(text, after, 'FALLBACK');
        expect(out).not.toBe('FALLBACK');
        expect(jsonEqual(JSON.parse(out), after)).toBe(true);
        expect(rewriteJson(text, JSON.parse(text), 'FALLBACK')).toBe(text);
      }),
      { seed: 1_604_2026, numRuns: 300 },
    );
  });

  it('matches JSON.stringify output exactly for canonical input (seeded)', () => {
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'name'), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(obj, obj, (before, after) => {
        const out = rewriteJson(canonical(before), after, 'FALLBACK');
        expect(out).toBe(canonical(JSON.parse(out)));
      }),
      { seed: 42_2026, numRuns: 300 },
    );
  });
});
