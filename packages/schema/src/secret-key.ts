/**
 * Where the `.env.local` encryption key lives. Same places as the official CLI, so both tools read each other's
 * files: the OS keychain (service `aws-agentcore`, account `env-local-secret-key`) when the optional
 * `@napi-rs/keyring` module is installed and `AGENTCORE_DISABLE_KEYCHAIN` is not `1`; otherwise
 * `$AGENTCORE_CONFIG_DIR/secrets.key` (default `~/.agentcore/secrets.key`): 32 raw bytes, 0600, in a 0700 folder.
 */
import { constants } from 'node:fs';
import { readFileSync } from 'node:fs';
import { chmod, link, mkdir, open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SchemaError } from './errors.js';
import { removeIfPresent } from './fs-atomic.js';
import { SECRET_KEY_BYTES } from './secret-crypto.js';
import { schemaMessages } from './messages.js';

export interface SecretKeyProvider {
  /** Keys that may decrypt existing values, preferred first. */
  readKeys(): Promise<Uint8Array[]>;
  /** The key to encrypt with, created on first use. */
  writeKey(): Promise<Uint8Array>;
}

export function agentcoreConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENTCORE_CONFIG_DIR || join(homedir(), '.agentcore');
}

interface KeyringEntry {
  getPassword(): string | null | undefined;
  setPassword(p: string): void;
}

async function keychainEntry(env: NodeJS.ProcessEnv): Promise<KeyringEntry | undefined> {
  if (env.AGENTCORE_DISABLE_KEYCHAIN === '1') return undefined;
  try {
    const spec = '@napi-rs/keyring'; // optional: not a dependency; used when the user has it installed
    const mod = (await import(spec)) as { Entry: new (service: string, account: string) => KeyringEntry };
    return new mod.Entry('aws-agentcore', 'env-local-secret-key');
  } catch {
    return undefined;
  }
}

function keyFromBase64(b64: string | null | undefined): Uint8Array | undefined {
  if (!b64) return undefined;
  const key = Buffer.from(b64, 'base64');
  return key.length === SECRET_KEY_BYTES ? key : undefined;
}

export function fileSecretKeyProvider(env: NodeJS.ProcessEnv = process.env): SecretKeyProvider {
  const dir = agentcoreConfigDir(env);
  const file = join(dir, 'secrets.key');
  // Looked up once per provider: a failed import of the optional module is not cached by Node and costs each time.
  let keychain: Promise<KeyringEntry | undefined> | undefined;
  const keychainOnce = () => (keychain ??= keychainEntry(env));

  async function readFileKey(): Promise<Uint8Array | undefined> {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    if (data.length !== SECRET_KEY_BYTES) {
      const values = { file, size: data.length, expected: SECRET_KEY_BYTES };
      throw new SchemaError('ERR_SECRET_KEY_CORRUPT', schemaMessages().get('error.SecretKeyCorrupt', values), {
        actions: schemaMessages().list('error.SecretKeyCorrupt.actions', values),
        details: { file },
      });
    }
    return data;
  }

  return {
    async readKeys() {
      const keys: Uint8Array[] = [];
      const entry = await keychainOnce();
      const fromKeychain = entry ? keyFromBase64(safe(() => entry.getPassword())) : undefined;
      if (fromKeychain) keys.push(fromKeychain);
      const fromFile = await readFileKey();
      if (fromFile) keys.push(fromFile);
      return keys;
    },
    async writeKey() {
      const entry = await keychainOnce();
      if (entry) {
        const existing = keyFromBase64(safe(() => entry.getPassword()));
        if (existing) return existing;
        const key = randomBytes(SECRET_KEY_BYTES);
        if (safe(() => (entry.setPassword(key.toString('base64')), true))) return key;
      }
      const existing = await readFileKey();
      if (existing) return existing;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700).catch(() => undefined);
      const key = randomBytes(SECRET_KEY_BYTES);
      // Write a private temp file, then link it into place: the key file appears complete or not at all, so a
      // racing first use never reads a half-written key (and exactly one key wins).
      const tmp = join(dir, `.secrets.key.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        const fh = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
        try {
          await fh.writeFile(key);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await link(tmp, file);
        return key;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          const winner = await readFileKey(); // lost a race: use the winner's key, never an unsaved one
          if (winner) return winner;
        }
        throw err;
      } finally {
        await removeIfPresent(tmp);
      }
    },
  };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
