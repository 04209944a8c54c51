import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretStore } from './secret-store.js';
import type { SecretKeyProvider } from './secret-key.js';
import { SchemaError } from './errors.js';

function memoryKeys(initial?: Uint8Array): SecretKeyProvider & { key: Uint8Array | undefined } {
  const p = {
    key: initial,
    async readKeys() {
      return p.key ? [p.key] : [];
    },
    async writeKey() {
      p.key ??= randomBytes(32);
      return p.key;
    },
  };
  return p;
}

describe('SecretStore (.env.local)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-secrets-'));
    file = join(dir, 'agentcore', '.env.local');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('encrypts secrets, keeps client ids plain, writes 0600', async () => {
    const store = new SecretStore(file, memoryKeys());
    await store.update({
      set: {
        AGENTCORE_CREDENTIAL_K: 'api-secret',
        AGENTCORE_CREDENTIAL_O_CLIENT_ID: 'cid',
        AGENTCORE_CREDENTIAL_O_CLIENT_SECRET: 'csecret',
      },
    });
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^AGENTCORE_CREDENTIAL_K="enc:v1:[A-Za-z0-9+/=]+"$/m);
    expect(text).toMatch(/^AGENTCORE_CREDENTIAL_O_CLIENT_SECRET="enc:v1:[A-Za-z0-9+/=]+"$/m);
    expect(text).toMatch(/^AGENTCORE_CREDENTIAL_O_CLIENT_ID="cid"$/m);
    expect(text).not.toContain('api-secret');
    expect(text).not.toContain('csecret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.get('AGENTCORE_CREDENTIAL_K')).toBe('api-secret');
    expect(await store.get('AGENTCORE_CREDENTIAL_O_CLIENT_ID')).toBe('cid');
    expect(await store.get('MISSING')).toBeUndefined();
    expect(await store.has('AGENTCORE_CREDENTIAL_K')).toBe(true);
  });

  it('does not ask for a key when only plain values change', async () => {
    let asked = false;
    const keys: SecretKeyProvider = {
      readKeys: async () => [],
      writeKey: async () => ((asked = true), randomBytes(32)),
    };
    await new SecretStore(file, keys).update({ set: { AGENTCORE_CREDENTIAL_O_CLIENT_ID: 'cid' } });
    expect(asked).toBe(false);
  });

  it('keeps unrelated lines and comments of an existing file', async () => {
    const store = new SecretStore(file, memoryKeys());
    await store.update({ set: { A_CLIENT_ID: 'x' } });
    await writeFile(file, '# mine\nOTHER=1\n' + (await readFile(file, 'utf8')));
    await store.update({ set: { AGENTCORE_CREDENTIAL_K: 's' }, delete: ['A_CLIENT_ID'] });
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.slice(0, 2)).toEqual(['# mine', 'OTHER=1']);
    expect(await store.keys()).toEqual(['OTHER', 'AGENTCORE_CREDENTIAL_K']);
  });

  it('fails with ERR_SECRET_DECRYPT and an action when the key is missing or changed', async () => {
    await new SecretStore(file, memoryKeys()).update({ set: { AGENTCORE_CREDENTIAL_K: 'v' } });
    for (const keys of [memoryKeys(), memoryKeys(randomBytes(32))]) {
      const err = await new SecretStore(file, keys).get('AGENTCORE_CREDENTIAL_K').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SchemaError);
      expect((err as SchemaError).code).toBe('ERR_SECRET_DECRYPT');
      expect((err as SchemaError).actions[0]).toMatch(/agentcore add credential/);
      expect((err as SchemaError).message).not.toContain('enc:v1');
    }
  });

  it('snapshot/restore brings the previous content back (or removes a new file)', async () => {
    const store = new SecretStore(file, memoryKeys());
    const none = await store.snapshot();
    expect(none).toBeUndefined();
    await store.update({ set: { A_CLIENT_ID: '1' } });
    const snap = await store.snapshot();
    await store.update({ set: { A_CLIENT_ID: '2' } });
    await store.restore(snap);
    expect(await store.get('A_CLIENT_ID')).toBe('1');
    await store.restore(none);
    expect(await store.snapshot()).toBeUndefined();
  });
});
