import { describe, expect, it } from 'vitest';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { ENC_PREFIX, encryptSecret, isEncrypted, SECRET_KEY_BYTES, tryDecryptSecret } from './secret-crypto.js';

const key = randomBytes(SECRET_KEY_BYTES);

describe('secret-crypto (enc:v1)', () => {
  it('round-trips, including unicode and empty values', () => {
    for (const v of ['s3cret', '', 'ünïcødé 🔑', 'x'.repeat(10_000)]) {
      const enc = encryptSecret(v, key);
      expect(isEncrypted(enc)).toBe(true);
      expect(tryDecryptSecret(enc, key)).toBe(v);
    }
  });

  it('uses the official format: enc:v1: + base64(IV12 ‖ tag16 ‖ ciphertext), AES-256-GCM', () => {
    const enc = encryptSecret('hello', key);
    expect(enc.startsWith(ENC_PREFIX)).toBe(true);
    const raw = Buffer.from(enc.slice(ENC_PREFIX.length), 'base64');
    expect(raw.length).toBe(12 + 16 + Buffer.byteLength('hello'));
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    expect(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')).toBe('hello');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('returns undefined for a wrong key, tampered data or a truncated value', () => {
    const enc = encryptSecret('value', key);
    expect(tryDecryptSecret(enc, randomBytes(32))).toBeUndefined();
    const raw = Buffer.from(enc.slice(ENC_PREFIX.length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(tryDecryptSecret(ENC_PREFIX + raw.toString('base64'), key)).toBeUndefined();
    expect(tryDecryptSecret(ENC_PREFIX + raw.subarray(0, 20).toString('base64'), key)).toBeUndefined();
  });

  it('passes plain values through and refuses keys of the wrong length', () => {
    expect(tryDecryptSecret('plain-client-id', key)).toBe('plain-client-id');
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(TypeError);
  });
});
