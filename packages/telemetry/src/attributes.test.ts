import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTES, sanitizeAttributes, checkAttribute, enumValue } from './attributes.js';

describe('sanitizeAttributes (run-time schema)', () => {
  it('keeps booleans, small enums and non-negative integer counts', () => {
    const r = sanitizeAttributes({
      api_key_placement_customized: true,
      api_key_location: 'query_parameter',
      jwt_custom_claims_count: 3,
    });
    expect(r).toEqual({
      attributes: {
        api_key_placement_customized: true,
        api_key_location: 'query_parameter',
        jwt_custom_claims_count: 3,
      },
      dropped: [],
    });
  });

  it.each([
    ['a URL', 'endpoint', 'https://api.example.com/mcp?api_key=x'],
    ['an ARN', 'lambda', 'arn:aws:lambda:us-east-1:123456789012:function:my-fn'],
    ['a secret', 'api_key', 'sk-live-4f9a8b7c6d5e4f3a2b1c'],
    ['a lower-case hex token', 'token', 'a3f9c2d18e7b6a5f4c3d2e1f0a9b8c7d'],
    ['a long random word', 'session', 'abcdefghijklmnopqrstuvwxy'],
    ['a path', 'code_location', '/home/alice/agents/app'],
    ['free text', 'description', 'Alice test agent'],
    ['a name with capitals', 'gateway', 'MyGateway'],
  ])('drops %s', (_what, key, value) => {
    const r = sanitizeAttributes({ [key]: value, ok: true });
    expect(r.attributes).toEqual({ ok: true });
    expect(r.dropped).toEqual([{ key, reason: 'not_enum' }]);
  });

  it('drops bad numbers, bad types and bad keys without echoing the key', () => {
    expect(checkAttribute('n', -1)).toBe('negative');
    expect(checkAttribute('n', 1.5)).toBe('not_integer');
    expect(checkAttribute('n', 123_456_789)).toBe('too_large');
    expect(checkAttribute('n', null)).toBe('invalid_value');
    expect(checkAttribute('n', ['a'])).toBe('invalid_value');
    const r = sanitizeAttributes({ 'https://x.example/token=abc': true, Key: true });
    expect(r.attributes).toEqual({});
    expect(r.dropped).toEqual([
      { key: '(invalid key)', reason: 'invalid_key' },
      { key: '(invalid key)', reason: 'invalid_key' },
    ]);
  });

  it(`keeps at most ${MAX_ATTRIBUTES} attributes`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES + 3 }, (_, i) => [`a${i}`, true]));
    const r = sanitizeAttributes(many);
    expect(Object.keys(r.attributes)).toHaveLength(MAX_ATTRIBUTES);
    expect(r.dropped.map((d) => d.reason)).toEqual(['too_many', 'too_many', 'too_many']);
  });

  it('enumValue lower-cases strategy types and refuses non-enums', () => {
    expect(enumValue('CUSTOM_JWT')).toBe('custom_jwt');
    expect(enumValue('api-key')).toBe('api_key');
    expect(enumValue('https://x')).toBe('other');
  });
});
