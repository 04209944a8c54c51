import { describe, expect, it } from 'vitest';
import { argsFromAnswers, toolArgsSpec, toolProperties } from './tool-form.js';

const tool = {
  name: 'search',
  inputSchema: {
    type: 'object',
    properties: {
      q: { type: 'string', description: 'What to look for' },
      limit: { type: 'integer' },
      ratio: { type: 'number' },
      exact: { type: 'boolean' },
      mode: { type: 'string', enum: ['fast', 'deep'] },
      filter: { type: 'object' },
    },
    required: ['q', 'mode'],
  },
};
const texts = { title: 'Arguments of search', notNumber: 'not a number', notJson: 'not JSON' };

describe('tool argument form (pure)', () => {
  it('asks one question per property, of the kind its schema type needs', () => {
    const steps = toolArgsSpec(tool, texts).plan({});
    expect(steps.map((s) => [s.message, s.kind, s.optional])).toEqual([
      ['q', 'text', false],
      ['limit', 'text', true],
      ['ratio', 'text', true],
      ['exact', 'confirm', false],
      ['mode', 'select', false],
      ['filter', 'json', true],
    ]);
    expect(steps[0]?.hint).toBe('What to look for');
    expect(steps[1]?.validate?.('2.5')).toBe('not a number');
    expect(steps[1]?.validate?.('3')).toBeUndefined();
    expect(steps[2]?.validate?.('2.5')).toBeUndefined();
    expect(steps[5]?.validate?.('{')).toBe('not JSON');
  });

  it('turns the answers into typed arguments and leaves unanswered optional ones out', () => {
    const args = argsFromAnswers(tool, {
      'arg:q': 'auth',
      'arg:limit': '3',
      'arg:ratio': '',
      'arg:exact': false,
      'arg:mode': 'deep',
      'arg:filter': '{"lang":"ts"}',
    });
    expect(args).toEqual({ q: 'auth', limit: 3, exact: false, mode: 'deep', filter: { lang: 'ts' } });
  });

  it('a tool without an input schema has no questions', () => {
    expect(toolProperties({ name: 'ping' })).toEqual([]);
    expect(argsFromAnswers({ name: 'ping' }, {})).toEqual({});
  });
});
