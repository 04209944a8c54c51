import { describe, expect, it } from 'vitest';
import {
  currentStep,
  initWizard,
  resultAnswers,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from './reducer.js';
import { maskSecret } from './mask.js';
import type { WizardSpec } from './types.js';

/** name → kind (select) → key (secret, only for "api") or url (text, validated); the check rejects url "bad.example". */
const spec: WizardSpec = {
  id: 'test',
  title: 'Test',
  plan: (a) => [
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
      ],
    },
    ...(a.kind === 'api' ? [{ key: 'key', flag: 'key', kind: 'secret' as const, message: 'Key' }] : []),
    ...(a.kind === 'web'
      ? [
          { key: 'url', flag: 'url', kind: 'text' as const, message: 'URL' },
          { key: 'tags', flag: 'tags', kind: 'list' as const, message: 'Tags', optional: true },
        ]
      : []),
    { key: 'steer', flag: 'steer', kind: 'confirm', message: 'Internal', internal: true, initial: 'false' },
  ],
  check: (a) => (a.url === 'bad.example' ? [{ flag: 'url', message: 'unreachable' }] : []),
};

const run = (state: WizardState, ...actions: WizardAction[]) =>
  actions.reduce((s, a) => wizardReducer(spec, s, a), state);
const submit = (value?: string): WizardAction => (value === undefined ? { type: 'submit' } : { type: 'submit', value });

describe('wizard reducer', () => {
  it('asks the steps in order, follows the answers and ends at the review', () => {
    const s = run(
      initWizard(spec),
      submit('bob'),
      submit('web'),
      submit('https://x'),
      submit('a, b ,'),
      submit('true'),
    );
    expect(s.phase).toBe('review');
    expect(s.answers).toEqual({ name: 'bob', kind: 'web', url: 'https://x', tags: ['a', 'b'], steer: true });
    const done = run(s, { type: 'confirm' });
    expect(done.phase).toBe('done');
    expect(resultAnswers(spec, done)).toEqual({ name: 'bob', kind: 'web', url: 'https://x', tags: ['a', 'b'] });
  });

  it('rejects what the step validator or the required rule rejects, and stays on the step', () => {
    let s = run(initWizard(spec), submit('Bob'));
    expect([s.error, currentStep(spec, s)?.key]).toEqual(['lowercase only', 'name']);
    s = run(s, submit('   '));
    expect(s.error).toMatch(/required/i);
    s = run(s, submit('bob'), submit('nope'));
    expect([s.error, currentStep(spec, s)?.key]).toEqual([expect.stringMatching(/Pick one/), 'kind']);
  });

  it('skips optional steps on an empty answer', () => {
    const s = run(initWizard(spec), submit('bob'), submit('web'), submit('https://x'), submit(''));
    expect('tags' in s.answers).toBe(false);
    expect(currentStep(spec, s)?.key).toBe('steer');
  });

  it('Esc goes back one step with the answer ready to edit, and exits from the first step', () => {
    let s = run(initWizard(spec), submit('bob'), submit('api'));
    expect(currentStep(spec, s)?.key).toBe('key');
    s = run(s, { type: 'back' });
    expect([currentStep(spec, s)?.key, s.draft, 'kind' in s.answers]).toEqual(['kind', 'api', false]);
    s = run(s, { type: 'back' });
    expect([currentStep(spec, s)?.key, s.draft]).toEqual(['name', 'bob']);
    expect(run(s, { type: 'back' }).phase).toBe('cancelled');
  });

  it('a final-check problem reopens the step of its flag with the message', () => {
    const s = run(initWizard(spec), submit('bob'), submit('web'), submit('bad.example'), submit(''), submit('false'), {
      type: 'confirm',
    });
    expect([s.phase, currentStep(spec, s)?.key, s.error, s.draft]).toEqual([
      'asking',
      'url',
      'unreachable',
      'bad.example',
    ]);
    expect('tags' in s.answers).toBe(false);
  });

  it('never asks what the command line gave, and going back stops there', () => {
    let s = initWizard(spec, { name: 'cli', kind: 'api' });
    expect(currentStep(spec, s)?.key).toBe('key');
    s = run(s, { type: 'back' });
    expect(s.phase).toBe('cancelled');
  });

  it('cancel ends the wizard; actions after the end change nothing', () => {
    const s = run(initWizard(spec), { type: 'cancel' });
    expect(s.phase).toBe('cancelled');
    expect(run(s, submit('x'))).toBe(s);
  });

  it('live-checks json answers while typing', () => {
    const json: WizardSpec = {
      id: 'j',
      title: 'J',
      plan: () => [
        {
          key: 'c',
          flag: 'c',
          kind: 'json',
          message: 'C',
          validate: (v) => (v.startsWith('[') ? undefined : 'must be an array'),
        },
      ],
    };
    const s = wizardReducer(json, initWizard(json), { type: 'edit', value: '{' });
    expect(s.error).toBe('must be an array');
    expect(wizardReducer(json, s, { type: 'edit', value: '[' }).error).toBeUndefined();
  });
});

describe('maskSecret', () => {
  it('shows at most the last two characters, and none of a short secret', () => {
    expect(maskSecret('sk-live-0123456789')).toBe('••••••••89');
    expect(maskSecret('short')).toBe('••••••••');
    expect(maskSecret('')).toBe('');
  });
});
