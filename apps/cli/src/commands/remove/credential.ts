import { loadMessages } from '../../shared/messages.js';
import { RemoveCommand, removeFlags } from '../../command-support/remove-command.js';
import type { RemoveResult } from '../../operations/remove.js';

const messages = loadMessages('remove.credential');

export type RemoveCredentialResult = RemoveResult;

export default class RemoveCredential extends RemoveCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = removeFlags(messages);

  async run(): Promise<RemoveCredentialResult> {
    const { flags } = await this.parse(RemoveCredential);
    return this.remove(
      { kind: 'credential', name: flags.name },
      { force: flags.force, dryRun: flags['dry-run'] },
      messages,
    );
  }
}
