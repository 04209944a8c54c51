import { loadMessages } from '../../shared/messages.js';
import { RemoveCommand, removeFlags } from '../../command-support/remove-command.js';
import type { RemoveResult } from '../../operations/remove.js';

const messages = loadMessages('remove.agent');

export type RemoveAgentResult = RemoveResult;

export default class RemoveAgent extends RemoveCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = removeFlags(messages);

  async run(): Promise<RemoveAgentResult> {
    const { flags } = await this.parse(RemoveAgent);
    return this.remove({ kind: 'agent', name: flags.name }, { force: flags.force, dryRun: flags['dry-run'] }, messages);
  }
}
