/**
 * `agentcore <unknown>`: a coded usage error (exit 2) with the nearest command as the suggested action, printed as the
 * `--json` failure envelope when `--json` was given. Never prompts, so scripts and terminals behave the same.
 */
import type { Hook } from '@oclif/core';
import { CliError } from '../shared/errors.js';
import { cliMessages } from '../shared/messages.js';
import { errorText } from '../command-support/output.js';
import { nearestCommand } from './nearest-command.js';

const hook: Hook<'command_not_found'> = async function (options) {
  const typed = options.id.replace(/:/g, ' ');
  const visible = options.config.commands.filter((c) => !c.hidden).map((c) => c.id.replace(/:/g, ' '));
  const suggestion = nearestCommand(typed, visible);
  const error = new CliError('ERR_UNKNOWN_COMMAND', cliMessages.get('error.UnknownCommand', { command: typed }), {
    actions: [
      ...(suggestion ? [cliMessages.get('error.UnknownCommand.didYouMean', { command: suggestion })] : []),
      cliMessages.get('error.UnknownCommand.help'),
    ],
    details: { command: typed, ...(suggestion ? { suggestion } : {}) },
  });
  if ((options.argv ?? []).includes('--json')) process.stdout.write(JSON.stringify(error.toJSON(), null, 2) + '\n');
  else process.stderr.write(errorText(error));
  process.exitCode = error.exitCode;
  return error.code;
};

export default hook;
