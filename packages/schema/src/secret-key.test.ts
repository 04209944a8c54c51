import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentcoreConfigDir, fileSecretKeyProvider } from './secret-key.js';
import { SchemaError } from './errors.js';

describe('secret-key (file provider)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-key-'));
    env = { AGENTCORE_CONFIG_DIR: join(dir, 'cfg'), AGENTCORE_DISABLE_KEYCHAIN: '1' };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lives under AGENTCORE_CONFIG_DIR (default ~/.agentcore)', () => {
    expect(agentcoreConfigDir(env)).toBe(join(dir, 'cfg'));
    expect(agentcoreConfigDir({})).toMatch(/\.agentcore$/);
  });

  it('creates a 32-byte key, 0600, in a 0700 folder, on first write; reads it back', async () => {
    const p = fileSecretKeyProvider(env);
    expect(await p.readKeys()).toEqual([]);
    const key = await p.writeKey();
    expect(key.length).toBe(32);
    expect((await stat(join(dir, 'cfg'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'cfg', 'secrets.key'))).mode & 0o777).toBe(0o600);
    expect(Buffer.from(await readFile(join(dir, 'cfg', 'secrets.key')))).toEqual(Buffer.from(key));
    expect((await p.readKeys()).map((k) => Buffer.from(k))).toEqual([Buffer.from(key)]);
    expect(Buffer.from(await p.writeKey())).toEqual(Buffer.from(key));
  });

  it('reports a key file of the wrong length as ERR_SECRET_KEY_CORRUPT with an action', async () => {
    await mkdir(join(dir, 'cfg'), { recursive: true });
    await writeFile(join(dir, 'cfg', 'secrets.key'), Buffer.alloc(16));
    const p = fileSecretKeyProvider(env);
    for (const op of [() => p.readKeys(), () => p.writeKey()]) {
      const err = await op().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SchemaError);
      expect((err as SchemaError).code).toBe('ERR_SECRET_KEY_CORRUPT');
      expect((err as SchemaError).actions[0]).toMatch(/secrets\.key/);
    }
  });

  it('yields one key when many first uses race', async () => {
    const keys = await Promise.all(Array.from({ length: 25 }, () => fileSecretKeyProvider(env).writeKey()));
    const distinct = new Set(keys.map((k) => Buffer.from(k).toString('hex')));
    expect(distinct.size).toBe(1);
    expect(Buffer.from(await readFile(join(dir, 'cfg', 'secrets.key'))).toString('hex')).toBe([...distinct][0]);
  });
});
