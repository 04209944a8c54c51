import { Errors } from '@oclif/core';
import { AgentcoreError } from '@agentcore/schema';
import { describe, expect, it } from 'vitest';
import { CliError, toAgentcoreError } from './errors.js';

describe('toAgentcoreError', () => {
  it('keeps a coded error as it is, whichever package built it', () => {
    const err = new AgentcoreError('ERR_PLUGIN_THING', 'plugin failed', { actions: ['fix the plugin'], exitCode: 4 });
    expect(toAgentcoreError(err)).toBe(err);
  });

  it('turns oclif errors into ERR_USAGE with oclif exit code and a help action', () => {
    const e = toAgentcoreError(new Errors.CLIError('Nonexistent flag: --nope\nSee more help with --help'), 'add:agent');
    expect(e).toMatchObject({ code: 'ERR_USAGE', exitCode: 2, message: 'Nonexistent flag: --nope' });
    expect(e.actions.at(-1)).toBe('Run `agentcore add agent --help` for usage.');
  });

  it('does not classify by message text: a plain error mentioning a flag is a bug, not a usage error', () => {
    const e = toAgentcoreError(new Error('Expected flag --x to be set by the plugin'));
    expect(e.code).toBe('ERR_INTERNAL');
    expect(e.exitCode).toBe(1);
    expect(e.actions[0]).toMatch(/^This is a bug in agentcore/);
  });

  it('gives usage errors exit code 2 and other CLI errors 1', () => {
    expect(new CliError('ERR_INVALID_INPUT', 'bad value').exitCode).toBe(1);
    expect(new CliError('ERR_STRATEGY_FLAG_UNSELECTED', 'needs --x').exitCode).toBe(2);
    expect(new CliError('ERR_MISSING_FLAGS', 'give --name').exitCode).toBe(2);
    expect(new CliError('ERR_NOT_FOUND', 'no such agent').exitCode).toBe(1);
  });
});
