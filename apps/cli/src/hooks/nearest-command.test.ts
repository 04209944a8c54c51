import { describe, expect, it } from 'vitest';
import { editDistance, nearestCommand } from './nearest-command.js';

const ids = ['add agent', 'add gateway', 'add credential', 'status', 'synth', 'invoke', 'validate'];

describe('nearestCommand', () => {
  it('measures edit distance', () => {
    expect(editDistance('stauts', 'status')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the closest command for a typo, in the words the user types', () => {
    expect(nearestCommand('stauts', ids)).toBe('status');
    expect(nearestCommand('add agnet', ids)).toBe('add agent');
    expect(nearestCommand('add gatway', ids)).toBe('add gateway');
    expect(nearestCommand('invok', ids)).toBe('invoke');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(nearestCommand('frobnicate', ids)).toBeUndefined();
    expect(nearestCommand('x', ['deploy'])).toBeUndefined();
  });
});
