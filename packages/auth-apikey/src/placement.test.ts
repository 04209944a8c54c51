import { describe, expect, it } from 'vitest';
import {
  ApiKeyOutboundFieldsSchema,
  ApiKeyPlacementSchema,
  buildApiKeyPlacement,
  formatApiKeyValue,
  parseApiKeyLocation,
  resolveApiKeyPlacement,
} from './placement.js';

describe('buildApiKeyPlacement (placement as the official CLI does it)', () => {
  it.each([
    [{}, undefined],
    [{ location: 'HEADER' as const, parameterName: 'x-api-key' }, undefined],
    [{ location: 'QUERY_PARAMETER' as const }, { location: 'QUERY_PARAMETER' }],
    [
      { parameterName: 'Authorization', prefix: 'Bearer' },
      { parameterName: 'Authorization', prefix: 'Bearer' },
    ],
    [{ location: 'QUERY_PARAMETER' as const, parameterName: 'x-api-key' }, { location: 'QUERY_PARAMETER' }],
    [{ location: 'HEADER' as const, parameterName: 'X-API-Key' }, undefined],
    [
      { location: 'QUERY_PARAMETER' as const, parameterName: 'X-API-Key' },
      { location: 'QUERY_PARAMETER', parameterName: 'X-API-Key' },
    ],
    [{ parameterName: '  Authorization ', prefix: '  ' }, { parameterName: 'Authorization' }],
    [{ prefix: 'Bearer ' }, { prefix: 'Bearer' }],
  ])('%j → %j', (input, expected) => {
    expect(buildApiKeyPlacement(input)).toEqual(expected);
  });
});

describe('resolveApiKeyPlacement', () => {
  it('fills HEADER / x-api-key / no prefix', () => {
    expect(resolveApiKeyPlacement({})).toEqual({ location: 'HEADER', parameterName: 'x-api-key' });
    expect(resolveApiKeyPlacement({ apiKey: { location: 'QUERY_PARAMETER', prefix: 'K' } })).toEqual({
      location: 'QUERY_PARAMETER',
      parameterName: 'x-api-key',
      prefix: 'K',
    });
  });
});

describe('formatApiKeyValue', () => {
  it('puts one space between prefix and key unless the prefix ends in whitespace', () => {
    expect(formatApiKeyValue(undefined, 'k')).toBe('k');
    expect(formatApiKeyValue('Bearer', 'k')).toBe('Bearer k');
    expect(formatApiKeyValue('Bearer ', 'k')).toBe('Bearer k');
  });
});

describe('parseApiKeyLocation', () => {
  it('accepts any case and - or _', () => {
    expect(parseApiKeyLocation('header')).toBe('HEADER');
    expect(parseApiKeyLocation('query-parameter')).toBe('QUERY_PARAMETER');
    expect(parseApiKeyLocation('QUERY_PARAMETER')).toBe('QUERY_PARAMETER');
    expect(parseApiKeyLocation('cookie')).toBeUndefined();
  });
});

describe('ApiKeyPlacementSchema', () => {
  const paths = (v: unknown) => {
    const r = ApiKeyPlacementSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };
  it('accepts valid placements', () => {
    expect(paths({ parameterName: 'Authorization', prefix: 'Bearer' })).toEqual([]);
    expect(paths({ location: 'QUERY_PARAMETER', parameterName: 'api_key' })).toEqual([]);
    expect(paths({ parameterName: 'x'.repeat(64) })).toEqual([]);
    expect(paths({ prefix: `${'p'.repeat(63)} ` })).toEqual([]);
  });
  it('rejects 65 characters, control characters, bad header tokens and unknown fields', () => {
    expect(paths({ parameterName: 'x'.repeat(65) })).toContain('parameterName');
    expect(paths({ prefix: 'p'.repeat(65) })).toContain('prefix');
    expect(paths({ prefix: 'Bearer\r\nX-Evil: 1' })).toContain('prefix');
    expect(paths({ parameterName: 'Bad Header' })).toContain('parameterName');
    expect(paths({ parameterName: 'a:b' })).toContain('parameterName');
    expect(paths({ location: 'QUERY_PARAMETER', parameterName: 'a&b' })).toContain('parameterName');
    expect(paths({ location: 'QUERY_PARAMETER', parameterName: 'a\nb' })).toContain('parameterName');
    expect(paths({ prefix: 'Bearér' })).toContain('prefix');
    expect(paths({ prefix: 'p'.repeat(64) })).toContain('prefix');
    expect(paths({ location: 'COOKIE' })).toContain('location');
    expect(paths({ extra: 1 })).not.toEqual([]);
  });
  it('lets query parameters carry non-ASCII prefixes (they are URL-encoded)', () => {
    expect(paths({ location: 'QUERY_PARAMETER', prefix: 'clé' })).toEqual([]);
  });
});

describe('ApiKeyOutboundFieldsSchema', () => {
  it('is strict and needs a credential name', () => {
    expect(ApiKeyOutboundFieldsSchema.safeParse({ credentialName: 'MyKey' }).success).toBe(true);
    expect(ApiKeyOutboundFieldsSchema.safeParse({}).success).toBe(false);
    expect(ApiKeyOutboundFieldsSchema.safeParse({ credentialName: 'MyKey', scopes: [] }).success).toBe(false);
  });
});
