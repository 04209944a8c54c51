import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CI_SEED, propertyParams, propertySettings } from './property.js';

describe('propertySettings', () => {
  it('takes FC_SEED (and FC_PATH with it) over CI, and a fixed seed under CI', () => {
    expect(propertySettings({ FC_SEED: '17', FC_PATH: '3:0', CI: 'true' })).toEqual({
      seed: 17,
      source: 'FC_SEED',
      path: '3:0',
      scale: 1,
    });
    expect(propertySettings({ CI: 'true', FC_PATH: '3:0' })).toEqual({ seed: CI_SEED, source: 'CI', scale: 1 });
    expect(propertySettings({ CI: 'false' }).source).toBe('random');
    expect(propertySettings({}).source).toBe('random');
  });

  it('refuses a seed or a run scale that is not a number', () => {
    expect(() => propertySettings({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer/);
    expect(() => propertySettings({ FC_RUNS: '0' })).toThrow(/FC_RUNS must be a positive number/);
  });

  it('scales numRuns by FC_RUNS', () => {
    expect(propertyParams({ numRuns: 50 }, { CI: '1', FC_RUNS: '4' })).toMatchObject({ numRuns: 200, seed: CI_SEED });
    expect(propertyParams({}, { CI: '1' }).numRuns).toBe(100);
  });
});

describe('propertyParams reporter', () => {
  it('fails with the seed, the path, the counterexample and the command that replays it', () => {
    const failing = fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 10);
    let message = '';
    try {
      fc.assert(failing, propertyParams({}, { FC_SEED: '5' }));
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }
    expect(message).toMatch(/seed: 5, path: "[0-9:]+"/);
    expect(message).toContain('Counterexample: [10]');
    expect(message).toMatch(/FC_SEED=5 FC_PATH='[0-9:]+' vitest run src\/property\.test\.ts -t 'fails with the seed/);
  });

  it('replays exactly the printed counterexample from FC_SEED + FC_PATH', () => {
    const failing = fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 10);
    const first = fc.check(failing, propertyParams({}, { FC_SEED: '5' }));
    expect(first.failed).toBe(true);
    const replay = fc.check(failing, propertyParams({}, { FC_SEED: '5', FC_PATH: first.counterexamplePath ?? '' }));
    expect(replay.counterexample).toEqual(first.counterexample);
    expect(replay.numRuns).toBe(1);
  });
});
