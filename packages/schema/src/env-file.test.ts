import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertyParams } from '@agentcore/testkit/property';
import { applyEnvChanges, envEntries, parseEnvFile, quoteEnvValue, serializeEnvFile } from './env-file.js';

describe('env-file', () => {
  const sample =
    [
      '# secrets for agentcore',
      'UNRELATED=keep me',
      '',
      'export EXPORTED="x y"',
      "SINGLE='lit\\n'",
      'BARE=value # comment',
      'AGENTCORE_CREDENTIAL_A="old"',
      'not an entry line',
    ].join('\n') + '\n';

  it('parses entries, export prefixes, quotes and inline comments', () => {
    const map = envEntries(parseEnvFile(sample));
    expect(Object.fromEntries(map)).toEqual({
      UNRELATED: 'keep me',
      EXPORTED: 'x y',
      SINGLE: 'lit\\n',
      BARE: 'value',
      AGENTCORE_CREDENTIAL_A: 'old',
    });
  });

  it('round-trips an untouched file byte for byte', () => {
    expect(serializeEnvFile(parseEnvFile(sample))).toBe(sample);
    expect(serializeEnvFile(applyEnvChanges(parseEnvFile(sample), {}))).toBe(sample);
  });

  it('rewrites changed keys in place, appends new ones and keeps comments, unrelated lines and order', () => {
    const out = serializeEnvFile(
      applyEnvChanges(parseEnvFile(sample), { set: { AGENTCORE_CREDENTIAL_A: 'new', NEW_KEY: 'n' }, delete: ['BARE'] }),
    );
    expect(out.split('\n')).toEqual([
      '# secrets for agentcore',
      'UNRELATED=keep me',
      '',
      'export EXPORTED="x y"',
      "SINGLE='lit\\n'",
      'AGENTCORE_CREDENTIAL_A="new"',
      'not an entry line',
      'NEW_KEY="n"',
      '',
    ]);
  });

  it('rewrites an `export KEY=` line without the export prefix and keeps its position', () => {
    const out = serializeEnvFile(applyEnvChanges(parseEnvFile('A=1\nexport B=2\nC=3\n'), { set: { B: 'two' } }));
    expect(out).toBe('A=1\nB="two"\nC=3\n');
  });

  it('quotes and escapes backslash, double quote, newline and carriage return', () => {
    expect(quoteEnvValue('a\\b"c\nd\re')).toBe('"a\\\\b\\"c\\nd\\re"');
  });

  it('round-trips any value through quote → parse', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const text = serializeEnvFile(applyEnvChanges([], { set: { KEY: value } }));
        expect(envEntries(parseEnvFile(text)).get('KEY')).toBe(value);
      }),
      propertyParams(),
    );
  });

  it('handles CRLF files and empty input', () => {
    expect(parseEnvFile('')).toEqual([]);
    expect(Object.fromEntries(envEntries(parseEnvFile('A="1"\r\nB=2\r\n')))).toEqual({ A: '1', B: '2' });
  });

  it('refuses keys that are not valid variable names (programmer error)', () => {
    expect(() => applyEnvChanges([], { set: { 'BAD-KEY': 'x' } })).toThrow(TypeError);
    expect(() => applyEnvChanges([], { delete: ['1X'] })).toThrow(TypeError);
  });
});
