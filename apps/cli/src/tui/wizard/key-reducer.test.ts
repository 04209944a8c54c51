import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '@agentcore/testkit/property';
import type { ClaimRuleDraft, ClaimsPromptSpec } from '@agentcore/auth';
import { wizardChunk } from './key-reducer.js';
import { currentStep, initWizard, resultAnswers } from './reducer.js';
import type { WizardSpec } from './types.js';

/** A stand-in claims spec: S takes EQ, A takes HAS or ANY (a list); names and values are lowercase letters. */
const claims: ClaimsPromptSpec = {
  labels: { name: 'Name', valueType: 'Type', operator: 'Operator', value: 'Value', values: 'Values' },
  valueTypes: [
    { value: 'S', label: 'S' },
    { value: 'A', label: 'A' },
  ],
  operators: (t) =>
    t === 'S'
      ? [{ value: 'EQ', label: 'EQ' }]
      : [
          { value: 'HAS', label: 'HAS' },
          { value: 'ANY', label: 'ANY' },
        ],
  listOperator: (op) => op === 'ANY',
  validateField: (field, v) => (/^[a-z]+$/.test(v) ? undefined : `${field} lowercase only`),
  encode: (rules) => (rules.length ? JSON.stringify(rules) : ''),
  decode: (v) => JSON.parse(v) as ClaimRuleDraft[],
};

/** name (lowercase) → kind (select) → port (text with a default) → tags (optional list) → rules (claims). */
const spec: WizardSpec = {
  id: 'keys',
  title: 'Keys',
  plan: () => [
    {
      key: 'name',
      flag: 'name',
      kind: 'text',
      message: 'Name',
      validate: (v) => (/^[a-z]+$/.test(v) ? undefined : 'lowercase only'),
    },
    {
      key: 'kind',
      flag: 'kind',
      kind: 'select',
      message: 'Kind',
      options: [
        { value: 'api', label: 'API' },
        { value: 'web', label: 'Web' },
        { value: 'cli', label: 'CLI' },
      ],
    },
    { key: 'port', flag: 'port', kind: 'text', message: 'Port', optional: true, initial: '8080' },
    { key: 'tags', flag: 'tags', kind: 'list', message: 'Tags', optional: true },
    { key: 'rules', flag: 'rules', kind: 'claims', message: 'Rules', optional: true, claims },
  ],
};

const ENTER = '\r';
const BS = '\u007F';
const DOWN = '\u001B[B';
const keys = (...chunks: string[]) => chunks.reduce((s, c) => wizardChunk(spec, s, c), initWizard(spec));

describe('wizard keys', () => {
  it('three Backspaces in one read delete three characters', () => {
    const s = keys('bobxyz', `${BS}${BS}${BS}`);
    expect([s.draft, currentStep(spec, s)?.key]).toEqual(['bob', 'name']);
  });

  it('text and Enter in one read answer the step, and the keys after it answer the next ones', () => {
    const s = keys(`bob${ENTER}${DOWN}${DOWN}${ENTER}`);
    expect(s.answers).toEqual({ name: 'bob', kind: 'cli' });
    expect(currentStep(spec, s)?.key).toBe('port');
  });

  it('edits at the cursor (← → Home End Delete)', () => {
    expect(keys('bd', '\u001B[D', 'o', '\u001B[H', '\u001B[3~', 'x\u001B[F', 'b').draft).toBe('xodb');
  });

  it('a default is a hint: typing starts from empty, an empty Enter takes it, Esc brings it back as the hint', () => {
    const atPort = keys(`bob${ENTER}${ENTER}`);
    expect([currentStep(spec, atPort)?.key, atPort.draft]).toEqual(['port', '']);
    expect(wizardChunk(spec, atPort, `9090${ENTER}`).answers.port).toBe('9090');
    const taken = wizardChunk(spec, atPort, ENTER);
    expect(taken.answers.port).toBe('8080');
    const back = wizardChunk(spec, taken, '\u001B');
    expect([currentStep(spec, back)?.key, back.draft]).toEqual(['port', '']);
  });

  it('runs the claims manager, the review and Ctrl-C from keys', () => {
    const atRules = keys(`bob${ENTER}${ENTER}${ENTER}${ENTER}`);
    expect(currentStep(spec, atRules)?.key).toBe('rules');
    // a → name → type A (Down) → operator ANY (Down) → values → Enter; Enter on "done".
    const review = wizardChunk(spec, atRules, `ateam${ENTER}${DOWN}${ENTER}${DOWN}${ENTER}x, y${ENTER}${ENTER}`);
    expect(review.phase).toBe('review');
    expect(claims.decode(String(review.answers.rules))).toEqual([
      { name: 'team', valueType: 'A', operator: 'ANY', values: ['x', 'y'] },
    ]);
    const done = wizardChunk(spec, review, ENTER);
    expect(resultAnswers(spec, done)).toMatchObject({ name: 'bob', kind: 'api', port: '8080' });
    expect(wizardChunk(spec, review, '\u0003').phase).toBe('cancelled');
    // Esc in the rules list leaves the step (back to tags); inside a rule it goes back one sub-step.
    expect(currentStep(spec, wizardChunk(spec, atRules, '\u001B'))?.key).toBe('tags');
    expect(wizardChunk(spec, atRules, `ax${ENTER}\u001B`).claims?.mode).toBe('name');
  });

  it('a whole read gives the state that its keys typed one by one give (property)', () => {
    const lower = fc.string({ unit: fc.constantFrom(...'abxyz'.split('')), minLength: 1, maxLength: 6 });
    const odd = fc.constantFrom(' ', 'A', '0', ',', '-', '[', 'O', 'a, b');
    const moves = fc.constantFrom(BS, '\b', DOWN, '\u001B[A', '\u001B[C', '\u001B[D', '\u001B[3~', '\t');
    const atoms = fc
      .array(
        fc.oneof(
          { arbitrary: lower, weight: 4 },
          { arbitrary: fc.constant(ENTER), weight: 4 },
          { arbitrary: moves, weight: 3 },
          { arbitrary: odd, weight: 1 },
          { arbitrary: fc.constant('\u001B'), weight: 1 },
        ),
        { maxLength: 60 },
      )
      // An Esc right before "[" or "O" would be read as the start of an escape sequence: not two keys.
      .filter((a) => a.every((k, i) => k !== '\u001B' || !/^[[O]/.test(a[i + 1] ?? '')));
    // Starting at each kind of step: text, select, text with a default, claims manager.
    const from = fc.constantFrom('', `bob${ENTER}`, `bob${ENTER}${ENTER}`, `bob${ENTER}${ENTER}${ENTER}${ENTER}`);
    fc.assert(
      fc.property(from, atoms, fc.array(fc.nat(60), { maxLength: 6 }), (prefix, list, cuts) => {
        const start = keys(prefix);
        const whole = wizardChunk(spec, start, list.join(''));
        const oneByOne = list.reduce((s, k) => wizardChunk(spec, s, k), start);
        expect(whole).toEqual(oneByOne);
        // Any grouping of the keys into reads gives the same state too.
        const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, list.length)), list.length])].sort(
          (x, y) => x - y,
        );
        const grouped = bounds
          .slice(1)
          .reduce((s, end, i) => wizardChunk(spec, s, list.slice(bounds[i], end).join('')), start);
        expect(grouped).toEqual(oneByOne);
      }),
      propertyParams({ numRuns: 400 }),
    );
  });
});
