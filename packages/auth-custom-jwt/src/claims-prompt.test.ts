import { describe, expect, it } from 'vitest';
import { claimsPromptSpec as spec } from './claims-prompt.js';
import { CustomClaimsSchema } from './schema.js';

describe('custom-claims prompt spec', () => {
  it('offers only the operators each value type takes', () => {
    expect(spec.valueTypes.map((o) => o.value)).toEqual(['STRING', 'STRING_ARRAY']);
    expect(spec.operators('STRING').map((o) => o.value)).toEqual(['EQUALS']);
    expect(spec.operators('STRING_ARRAY').map((o) => o.value)).toEqual(['CONTAINS', 'CONTAINS_ANY']);
    expect(spec.operators('nope')).toEqual([]);
    expect([spec.listOperator('CONTAINS_ANY'), spec.listOperator('CONTAINS'), spec.listOperator('EQUALS')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('checks names and values with the schema field validators', () => {
    expect(spec.validateField('name', 'tenant')).toBeUndefined();
    expect(spec.validateField('name', 'client_id')).toMatch(/reserves/);
    expect(spec.validateField('name', 'a b')).toMatch(/claim names/);
    expect(spec.validateField('value', 'acme')).toBeUndefined();
    expect(spec.validateField('value', 'a/b')).toMatch(/match values/);
  });

  it('encodes rules as the --custom-claims JSON the schema accepts, and decodes it back', () => {
    const rules = [
      { name: 'tenant', valueType: 'STRING', operator: 'EQUALS', values: ['acme'] },
      { name: 'groups', valueType: 'STRING_ARRAY', operator: 'CONTAINS_ANY', values: ['admins', 'ops'] },
      { name: 'roles', valueType: 'STRING_ARRAY', operator: 'CONTAINS', values: ['reader'] },
    ];
    const json = spec.encode(rules);
    expect(CustomClaimsSchema.safeParse(JSON.parse(json)).success).toBe(true);
    expect(JSON.parse(json)[1].authorizingClaimMatchValue.claimMatchValue).toEqual({
      matchValueStringList: ['admins', 'ops'],
    });
    expect(spec.decode(json)).toEqual(rules);
    expect(spec.encode([])).toBe('');
    expect(spec.decode('not json')).toEqual([]);
  });
});
