/**
 * `enc:v1` secret encryption, byte-compatible with the official CLI 0.30.0:
 * `enc:v1:` + base64(IV[12] ‖ GCM tag[16] ‖ ciphertext), AES-256-GCM.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const ENC_PREFIX = 'enc:v1:';
export const SECRET_KEY_BYTES = 32;

export function isEncrypted(value: string): boolean {
  return value.startsWith(ENC_PREFIX);
}

export function encryptSecret(plaintext: string, key: Uint8Array): string {
  // messages-check: internal — keys come from readKeys(), which rejects a file of the wrong size first
  if (key.length !== SECRET_KEY_BYTES) throw new TypeError('secret key must be 32 bytes');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ENC_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** Returns undefined when this key does not decrypt the value (wrong key or tampered data). */
export function tryDecryptSecret(value: string, key: Uint8Array): string | undefined {
  if (!isEncrypted(value)) return value;
  const raw = Buffer.from(value.slice(ENC_PREFIX.length), 'base64');
  if (raw.length < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
