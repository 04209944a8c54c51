import { AgentcoreCommand } from '../command-support/base-command.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { isInteractive, loadLaunch } from '../tui/gate.js';

const messages = loadMessages('interactive');

export interface InteractiveCommandResult {
  /** The last command the home screen opened (oclif id), or none when the user quit at once. */
  command?: string;
}

/**
 * The home screen: what `agentcore` with no arguments opens in a terminal (bin/run.js). Each action runs its
 * command (and wizard); then the home screen comes back, until Quit, Esc or Ctrl-C. The exit code is the last
 * action's.
 */
export default class Interactive extends AgentcoreCommand<InteractiveCommandResult> {
  static override hidden = true;
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');

  async run(): Promise<InteractiveCommandResult> {
    if (!isInteractive({ json: this.jsonEnabled() })) {
      throw new CliError('ERR_USAGE', messages.get('error.NotInteractive'), {
        actions: messages.list('error.NotInteractive.actions'),
      });
    }
    const { launchHome } = await loadLaunch();
    let last: string | undefined;
    for (;;) {
      const outcome = await launchHome();
      if (outcome.status !== 'open') return last ? { command: last } : {};
      process.exitCode = undefined; // each action's outcome is its own
      await this.config.runCommand(outcome.command, []);
      last = outcome.command;
    }
  }
}
