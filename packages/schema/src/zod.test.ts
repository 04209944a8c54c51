/**
 * The schemas are built with `zod/mini`, which loads no locale: `ensureZodEnglish` (./zod.ts) installs zod's English
 * messages. This file never imports classic `zod` (which installs them too), so it proves the messages come from us.
 */
import { describe, expect, it } from 'vitest';
import { createProjectModel } from './model.js';
import { CredentialNameSchema, EnvVarSchema, ProjectNameSchema, RuntimeVersionSchema } from './fields.js';
import * as z from 'zod/mini';
import { ensureZodEnglish } from './zod.js';

const firstMessage = (r: { success: boolean; error?: { issues: readonly { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('zod messages (zod/mini with the English locale)', () => {
  it('the English locale is configured', () => {
    expect(typeof z.config().localeError).toBe('function');
  });

  it('ensureZodEnglish keeps a locale configured before it', () => {
    const english = z.config().localeError;
    const custom = () => 'custom';
    try {
      z.config({ localeError: custom });
      ensureZodEnglish();
      expect(z.config().localeError).toBe(custom);
      expect(firstMessage(z.string().safeParse(5))).toBe('custom');
    } finally {
      z.config({ localeError: english });
    }
  });

  it('generic issues read as classic zod reads them', () => {
    expect(firstMessage(ProjectNameSchema.safeParse(5))).toBe('Invalid input: expected string, received number');
    expect(firstMessage(CredentialNameSchema.safeParse(undefined))).toBe(
      'Invalid input: expected string, received undefined',
    );
    expect(firstMessage(EnvVarSchema.safeParse({ name: 'A', value: 'b', extra: 1 }))).toBe('Unrecognized key: "extra"');
    expect(firstMessage(RuntimeVersionSchema.safeParse('PYTHON_2'))).toBe(
      'Invalid option: expected one of "PYTHON_3_10"|"PYTHON_3_11"|"PYTHON_3_12"|"PYTHON_3_13"|"PYTHON_3_14"|"NODE_18"|"NODE_20"|"NODE_22"',
    );
    expect(firstMessage(z.string().check(z.minLength(2)).safeParse('a'))).toBe(
      'Too small: expected string to have >=2 characters',
    );
  });

  it('our own messages are kept', () => {
    expect(firstMessage(ProjectNameSchema.safeParse(''))).toBe('Project name is required');
    const kinds = createProjectModel({
      credentialKinds: [{ authorizerType: 'KeyProvider', fieldsSchema: z.strictObject({}) }],
    });
    expect(kinds.check({ name: 'Demo', version: 1, credentials: [{ authorizerType: 'X', name: 'a' }] }).issues).toEqual(
      [
        {
          path: 'credentials.0.authorizerType',
          message: 'authorizerType "X" is not known. Installed types: KeyProvider.',
        },
      ],
    );
  });

  it('the composed model reports generic issues in English', () => {
    const { issues } = createProjectModel().check({ name: 'Demo', version: 'one', extra: true });
    expect(issues).toEqual([
      { path: 'version', message: 'Invalid input: expected number, received string' },
      { path: '', message: 'Unrecognized key: "extra"' },
    ]);
  });
});
