import { describe, expect, it } from 'vitest';
import type { ClaimRuleDraft, ClaimsPromptSpec } from '@agentcore/auth';
import {
  choices,
  claimsAnswer,
  claimsReducer,
  draftSummary,
  initClaims,
  type ClaimsAction,
  type ClaimsState,
} from './claims-reducer.js';

/** A stand-in strategy spec: S takes EQ, A takes HAS or ANY (ANY compares with a list); names and values are lowercase. */
const spec: ClaimsPromptSpec = {
  labels: { name: 'Name', valueType: 'Type', operator: 'Operator', value: 'Value', values: 'Values' },
  valueTypes: [
    { value: 'S', label: 'S' },
    { value: 'A', label: 'A' },
  ],
  operators: (t) =>
    t === 'S'
      ? [{ value: 'EQ', label: 'EQ' }]
      : t === 'A'
        ? [
            { value: 'HAS', label: 'HAS' },
            { value: 'ANY', label: 'ANY' },
          ]
        : [],
  listOperator: (op) => op === 'ANY',
  validateField: (field, v) => (/^[a-z]+$/.test(v) ? undefined : `${field} lowercase only`),
  encode: (rules) => (rules.length ? JSON.stringify(rules) : ''),
  decode: (v) => JSON.parse(v) as ClaimRuleDraft[],
};
const texts = { required: 'required', pickOne: 'pick one' };
const run = (state: ClaimsState, ...actions: ClaimsAction[]) =>
  actions.reduce((s, a) => claimsReducer(spec, texts, s, a), state);
const type = (value: string): ClaimsAction => ({ type: 'type', value });
const submit = (value?: string): ClaimsAction => (value === undefined ? { type: 'submit' } : { type: 'submit', value });
const addRule = (name: string, valueType: string, operator: string, value: string): ClaimsAction[] => [
  { type: 'add' },
  type(name),
  submit(),
  submit(valueType),
  submit(operator),
  type(value),
  submit(),
];

describe('claims reducer', () => {
  it('adds rules through name → type → operator → value(s), splitting list values on commas', () => {
    const s = run(
      initClaims(spec, ''),
      ...addRule('tenant', 'S', 'EQ', 'acme'),
      ...addRule('groups', 'A', 'ANY', 'a, b ,'),
    );
    expect(s.mode).toBe('list');
    expect(s.rules).toEqual([
      { name: 'tenant', valueType: 'S', operator: 'EQ', values: ['acme'] },
      { name: 'groups', valueType: 'A', operator: 'ANY', values: ['a', 'b'] },
    ]);
    expect(s.cursor).toBe(2);
    expect(claimsAnswer(spec, s)).toBe(JSON.stringify(s.rules));
    expect(initClaims(spec, claimsAnswer(spec, s)).rules).toEqual(s.rules);
  });

  it('offers only the operators of the chosen type, and refuses any other', () => {
    let s = run(initClaims(spec, ''), { type: 'add' }, type('x'), submit(), submit('S'));
    expect([s.mode, choices(spec, s).map((o) => o.value), s.draft.operator]).toEqual(['operator', ['EQ'], 'EQ']);
    s = run(s, submit('ANY'));
    expect([s.mode, s.error]).toEqual(['operator', 'pick one']);
    s = run(s, { type: 'back' }, submit('A'));
    expect([choices(spec, s).map((o) => o.value), s.draft.operator]).toEqual([['HAS', 'ANY'], 'HAS']);
  });

  it('checks each field as it is typed with the spec, and will not go on with a bad or empty one', () => {
    let s = run(initClaims(spec, ''), { type: 'add' }, type('Bad'));
    expect(s.error).toBe('name lowercase only');
    s = run(s, submit());
    expect(s.mode).toBe('name');
    s = run(s, type(''));
    expect(s.error).toBeUndefined();
    expect(run(s, submit()).error).toBe('required');
    s = run(s, type('g'), submit(), submit('A'), submit('ANY'), type('ok, Nope'));
    expect(s.error).toBe('Nope: value lowercase only');
    expect(run(s, submit()).mode).toBe('value');
  });

  it('edits the highlighted rule with its answers ready, and deletes it', () => {
    let s = run(initClaims(spec, ''), ...addRule('tenant', 'S', 'EQ', 'acme'), ...addRule('groups', 'A', 'ANY', 'a,b'));
    s = run(s, { type: 'move', by: -1 }, { type: 'edit' });
    expect([s.mode, s.editing, s.draft]).toEqual([
      'name',
      1,
      { name: 'groups', valueType: 'A', operator: 'ANY', value: 'a, b' },
    ]);
    s = run(s, submit(), submit(), submit(), type('a, b, c'), submit());
    expect(s.rules[1]).toEqual({ name: 'groups', valueType: 'A', operator: 'ANY', values: ['a', 'b', 'c'] });
    s = run(s, { type: 'move', by: -9 }, { type: 'delete' });
    expect([s.rules.map((r) => r.name), s.cursor]).toEqual([['groups'], 0]);
    expect(run(s, { type: 'move', by: 9 }, { type: 'delete' }).rules).toHaveLength(1);
  });

  it('Esc goes back one sub-step keeping what was chosen, and from the name back to the list unchanged', () => {
    let s = run(initClaims(spec, ''), { type: 'add' }, type('g'), submit(), submit('A'), submit('ANY'));
    expect(draftSummary(s)).toBe('g A ANY');
    s = run(s, { type: 'back' });
    expect([s.mode, s.draft.valueType, s.draft.operator]).toEqual(['operator', 'A', 'ANY']);
    s = run(s, { type: 'back' }, { type: 'back' });
    expect([s.mode, s.draft.name]).toEqual(['name', 'g']);
    s = run(s, { type: 'back' });
    expect([s.mode, s.rules, s.editing]).toEqual(['list', [], undefined]);
    expect(run(s, { type: 'back' })).toBe(s);
  });

  it('↑ ↓ move the highlighted type or operator, wrapping around, and Enter takes it', () => {
    let s = run(initClaims(spec, ''), { type: 'add' }, type('g'), submit());
    expect([s.mode, s.draft.valueType]).toEqual(['valueType', 'S']);
    s = run(s, { type: 'highlight', by: 1 });
    expect(s.draft.valueType).toBe('A');
    expect(run(s, { type: 'highlight', by: 1 }).draft.valueType).toBe('S');
    s = run(s, submit(), { type: 'highlight', by: -1 });
    expect([s.mode, s.draft.operator]).toEqual(['operator', 'ANY']);
    expect(run(s, submit()).mode).toBe('value');
    expect(run(initClaims(spec, ''), { type: 'highlight', by: 1 })).toEqual(initClaims(spec, ''));
  });

  it('list keys do nothing inside a sub-step, and field keys nothing in the list', () => {
    const inName = run(initClaims(spec, ''), { type: 'add' });
    expect(run(inName, { type: 'add' }, { type: 'delete' }, { type: 'move', by: 1 })).toEqual(inName);
    const list = initClaims(spec, '');
    expect(run(list, type('x'), submit(), { type: 'edit' }, { type: 'delete' })).toEqual(list);
  });
});
