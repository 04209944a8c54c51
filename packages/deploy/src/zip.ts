/**
 * A deterministic zip writer: the same files give the same bytes on every machine. Entries are sorted by path,
 * every timestamp is 1980-01-01 00:00 (the earliest DOS date), permissions are normalised to 0644 (0755 when
 * any execute bit is set), entries are DEFLATEd at a fixed level (STORED when that is not smaller). Format:
 * PKWARE APPNOTE 6.3.x (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), no zip64: an archive
 * (or an entry) of 4 GiB or more is refused.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { deployMessages } from './messages.js';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, relative. */
  path: string;
  data: Uint8Array;
  /** POSIX mode bits of the source file; only the execute bits matter. */
  mode?: number;
}

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME_0 = 0;
const VERSION_MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const FLAG_UTF8 = 1 << 11;
const MAX_32 = 0xffffffff;

function unixMode(mode: number | undefined): number {
  const exec = mode !== undefined && (mode & 0o111) !== 0;
  return 0o100000 | (exec ? 0o755 : 0o644);
}

/** Build the archive. Throws RangeError for an unsafe path or one beyond the zip32 limits. */
export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let previous: string | undefined;
  for (const entry of sorted) {
    if (entry.path === previous)
      throw new RangeError(deployMessages().get('reason.zipDuplicate', { path: entry.path }));
    previous = entry.path;
    if (!entry.path || entry.path.startsWith('/') || entry.path.split('/').some((s) => s === '..' || s === ''))
      throw new RangeError(deployMessages().get('reason.zipUnsafePath', { path: JSON.stringify(entry.path) }));
    const name = Buffer.from(entry.path, 'utf8');
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    if (data.length >= MAX_32 || offset + body.length >= MAX_32)
      throw new RangeError(deployMessages().get('reason.zipTooLarge'));
    const crc = crc32(data);
    const method = stored ? 0 : 8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME_0, 10);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME_0, 12);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((unixMode(entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (sorted.length > 0xffff) throw new RangeError(deployMessages().get('reason.zipTooManyEntries'));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
