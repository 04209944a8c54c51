import { inflateRawSync, crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildZip, type ZipEntry } from './zip.js';

/** A minimal reader of what buildZip writes (central directory → local entries). */
function readZip(zip: Buffer): { path: string; data: Buffer; mode: number; time: number; date: number }[] {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const time = zip.readUInt16LE(p + 12);
    const date = zip.readUInt16LE(p + 14);
    const crc = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const mode = zip.readUInt32LE(p + 38) >>> 16;
    const offset = zip.readUInt32LE(p + 42);
    const path = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const localName = zip.readUInt16LE(offset + 26);
    const body = zip.subarray(offset + 30 + localName, offset + 30 + localName + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc32(data)).toBe(crc);
    out.push({ path, data, mode, time, date });
    p += 46 + nameLen;
  }
  return out;
}

const entry = (path: string, text: string, mode = 0o100644): ZipEntry => ({ path, data: Buffer.from(text), mode });

describe('buildZip', () => {
  it('round-trips contents, sorted, with fixed timestamps and normalised modes', () => {
    const zip = buildZip([
      entry('src/b.py', 'b'.repeat(500)),
      entry('main.py', 'print("hi")\n', 0o100775),
      entry('a.txt', ''),
    ]);
    const files = readZip(zip);
    expect(files.map((f) => f.path)).toEqual(['a.txt', 'main.py', 'src/b.py']);
    expect(files[2]?.data.toString()).toBe('b'.repeat(500));
    expect(files.map((f) => f.mode.toString(8))).toEqual(['100644', '100755', '100644']);
    expect(new Set(files.map((f) => `${f.date}/${f.time}`))).toEqual(new Set(['33/0']));
  });

  it('gives the same bytes whatever the input order (seeded property)', () => {
    const seed = 20261203;
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ path: fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6}){0,2}\.txt$/), text: fc.string() }),
          { selector: (e) => e.path, maxLength: 8 },
        ),
        (list) => {
          const entries = list.map((e) => entry(e.path, e.text));
          const a = buildZip(entries);
          const b = buildZip([...entries].reverse());
          expect(a.equals(b)).toBe(true);
          expect(readZip(a).map((f) => f.data.toString())).toEqual(
            [...list].sort((x, y) => (x.path < y.path ? -1 : 1)).map((e) => e.text),
          );
        },
      ),
      { seed, numRuns: 60 },
    );
  });

  it('refuses paths that would escape the archive root and duplicates', () => {
    // The whole text, values filled in, as the bundle gives it (it reaches the user as an asset error's reason).
    expect(() => buildZip([entry('../x', '')])).toThrow(new RangeError('unsafe zip entry path "../x"'));
    expect(() => buildZip([entry('/abs', '')])).toThrow(/unsafe/);
    expect(() => buildZip([entry('a//b', '')])).toThrow(/unsafe/);
    expect(() => buildZip([entry('a', ''), entry('a', '')])).toThrow(new RangeError('duplicate zip entry a'));
  });
});
