import { describe, expect, it } from 'vitest';
import { missingInputs } from './gate.js';

describe('missingInputs', () => {
  it('names nothing when every requirement is given', () => {
    expect(missingInputs('add gateway-target', { name: 't', gateway: 'g', type: 'mcp-server' })).toEqual([]);
    expect(missingInputs('invoke', { 'prompt-file': 'p.txt' })).toEqual([]);
  });

  it('names each missing flag, in the order the command needs them', () => {
    expect(missingInputs('add gateway-target', { name: 't', gateway: '' })).toEqual(['--gateway', '--type']);
    expect(missingInputs('add credential', { name: 'K', type: [] })).toEqual(['--type']);
  });

  it('joins the alternatives of one requirement with the bundle’s "or"', () => {
    expect(missingInputs('invoke', {})).toEqual(['<prompt> or --prompt-file']);
  });
});
