import { describe, expect, it } from 'vitest';
import { RuntimeNameSchema, type AnyZodSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import { fieldCheck } from './fields.js';

describe('fieldCheck', () => {
  it('accepts a valid value and shows the schema’s first issue for an invalid one', () => {
    const check = fieldCheck(RuntimeNameSchema);
    expect(check('MyAgent')).toBeUndefined();
    const issue = RuntimeNameSchema.safeParse('1 bad name').error?.issues[0]?.message;
    expect(issue).toBeTruthy();
    expect(check('1 bad name')).toBe(issue);
  });

  it('falls back to the interactive bundle’s text when the schema names no issue', () => {
    const silent = { safeParse: () => ({ success: false, error: { issues: [] } }) } as unknown as AnyZodSchema;
    const text = loadMessages('interactive').get('error.InvalidValue');
    expect(text).toBe('invalid value');
    expect(fieldCheck(silent)('x')).toBe(text);
  });
});
