import { loadMessages } from '../../shared/messages.js';
import { RemoveCommand, removeFlags } from '../../command-support/remove-command.js';
import type { RemoveResult } from '../../operations/remove.js';

const messages = loadMessages('remove.gateway');

export type RemoveGatewayResult = RemoveResult;

export default class RemoveGateway extends RemoveCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = removeFlags(messages);

  async run(): Promise<RemoveGatewayResult> {
    const { flags } = await this.parse(RemoveGateway);
    return this.remove(
      { kind: 'gateway', name: flags.name },
      { force: flags.force, dryRun: flags['dry-run'] },
      messages,
    );
  }
}
