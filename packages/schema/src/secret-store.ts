/**
 * `agentcore/.env.local`: secrets only, mode 0600, atomic writes, secret values encrypted at rest.
 * Unrelated lines and comments are kept. Values are decrypted only when asked for.
 */
import { readFileSync } from 'node:fs';
import { isSecretEnvKey } from './env-names.js';
import {
  applyEnvChanges,
  envEntries,
  parseEnvFile,
  serializeEnvFile,
  type EnvChanges,
  type EnvLine,
} from './env-file.js';
import { SchemaError } from './errors.js';
import { removeIfPresent, writeFileAtomic } from './fs-atomic.js';
import { encryptSecret, isEncrypted, tryDecryptSecret } from './secret-crypto.js';
import { fileSecretKeyProvider, type SecretKeyProvider } from './secret-key.js';
import { schemaMessages } from './messages.js';

export class SecretStore {
  readonly file: string;
  readonly #keys: SecretKeyProvider;

  constructor(file: string, keys: SecretKeyProvider = fileSecretKeyProvider()) {
    this.file = file;
    this.#keys = keys;
  }

  #lines(): EnvLine[] {
    try {
      return parseEnvFile(readFileSync(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /** Names of the keys present (values are not decrypted). */
  async keys(): Promise<string[]> {
    return [...envEntries(this.#lines()).keys()];
  }

  async has(key: string): Promise<boolean> {
    const v = envEntries(this.#lines()).get(key);
    return v !== undefined && v !== '';
  }

  /** The plaintext value, or undefined when absent. Throws ERR_SECRET_DECRYPT when no key decrypts it. */
  async get(key: string): Promise<string | undefined> {
    const value = envEntries(this.#lines()).get(key);
    if (value === undefined || !isEncrypted(value)) return value;
    for (const k of await this.#keys.readKeys()) {
      const plain = tryDecryptSecret(value, k);
      if (plain !== undefined) return plain;
    }
    throw new SchemaError('ERR_SECRET_DECRYPT', schemaMessages().get('error.SecretDecrypt', { key }), {
      actions: schemaMessages().list('error.SecretDecrypt.actions'),
      details: { key },
    });
  }

  /** Apply changes atomically; secret values are encrypted, others (client ids) stay plain. */
  async update(changes: EnvChanges): Promise<void> {
    const set: Record<string, string> = {};
    const entries = Object.entries(changes.set ?? {});
    const key = entries.some(([k]) => isSecretEnvKey(k)) ? await this.#keys.writeKey() : undefined;
    for (const [k, v] of entries) set[k] = key && isSecretEnvKey(k) ? encryptSecret(v, key) : v;
    const next = applyEnvChanges(this.#lines(), { set, delete: changes.delete ?? [] });
    await writeFileAtomic(this.file, serializeEnvFile(next), { mode: 0o600 });
  }

  /** The raw file content (for restoring after a failed multi-file write). */
  async snapshot(): Promise<string | undefined> {
    try {
      return readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async restore(snapshot: string | undefined): Promise<void> {
    if (snapshot === undefined) {
      await removeIfPresent(this.file);
      return;
    }
    await writeFileAtomic(this.file, snapshot, { mode: 0o600 });
  }
}
