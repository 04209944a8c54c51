import { describe, expect, it } from 'vitest';
import { parseSimpleArgv, type SimpleFlagSpec } from './argv.js';

const SPEC: Record<string, SimpleFlagSpec> = {
  name: { type: 'option' },
  'api-key': { type: 'option' },
  scopes: { type: 'option', multiple: true },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
};

describe('parseSimpleArgv: what the cold-start runner parses itself', () => {
  it.each([
    [[], {}],
    [['--name', 'K1', '--json'], { name: 'K1', json: true }],
    [['--name=K1'], { name: 'K1' }],
    [['--name=a=b'], { name: 'a=b' }],
    [['--api-key', '-'], { 'api-key': '-' }],
    [['--scopes', 'a', '--scopes=b'], { scopes: ['a', 'b'] }],
    [['--force', '--name', 'N'], { force: true, name: 'N' }],
  ])('%j → %j', (argv, expected) => {
    expect(parseSimpleArgv(argv, SPEC)).toEqual(expected);
  });

  it.each([
    [['positional']],
    [['--scopes', 'a', 'b']], // oclif's greedy multiple: left to oclif
    [['--']],
    [['--name', 'K', '--', '--json']],
    [['-h']],
    [['-n', 'K']],
    [['--nope']],
    [['--no-force']],
    [['--force=true']],
    [['--force', '--force']],
    [['--name', 'a', '--name', 'b']],
    [['--name']],
    [['--name=']],
    [['--name', '--json']],
    [['--name', '-x']],
    [['--api-key=-x']], // oclif takes it unless -x is a flag: not worth the subtlety
    [['--constructor', 'x']],
    [['--toString']],
  ])('%j → left to oclif', (argv) => {
    expect(parseSimpleArgv(argv, SPEC)).toBeUndefined();
  });
});
