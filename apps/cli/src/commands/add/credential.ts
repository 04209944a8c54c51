import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import type { AddCredentialResult } from '../../operations/add-credential.js';
import { addCredentialHandler } from '../../handlers/add-credential.js';
import { addCredentialFlags } from '../../handlers/add-credential-flags.js';

const messages = loadMessages('add.credential');

export type AddCredentialCommandResult = AddCredentialResult;

export default class AddCredential extends AgentcoreCommand<AddCredentialCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = addCredentialFlags;

  async run(): Promise<AddCredentialCommandResult> {
    const { flags } = await this.parse(AddCredential);
    // Also run by the cold-start runner (src/fast/lite.ts) with the same flags: keep all behaviour in the handler.
    return addCredentialHandler(this.host(), flags);
  }
}
