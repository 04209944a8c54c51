import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import type { AddCredentialResult } from '../../operations/add-credential.js';
import { addCredentialHandler } from '../../handlers/add-credential.js';

const messages = loadMessages('add.credential');

export type AddCredentialCommandResult = AddCredentialResult;

export default class AddCredential extends AgentcoreCommand<AddCredentialCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    type: Flags.string({ summary: messages.get('flags.type.summary'), helpValue: 'api-key|oauth' }),
    'api-key': Flags.string({ summary: messages.get('flags.api-key.summary') }),
    'discovery-url': Flags.string({ summary: messages.get('flags.discovery-url.summary') }),
    'client-id': Flags.string({ summary: messages.get('flags.client-id.summary') }),
    'client-secret': Flags.string({ summary: messages.get('flags.client-secret.summary') }),
    scopes: Flags.string({ summary: messages.get('flags.scopes.summary'), multiple: true }),
    force: Flags.boolean({ summary: messages.get('flags.force.summary') }),
  };

  async run(): Promise<AddCredentialCommandResult> {
    const { flags } = await this.parse(AddCredential);
    // Also run by the cold-start runner (src/fast/lite.ts) with the same flags: keep all behaviour in the handler.
    return addCredentialHandler(this.host(), flags);
  }
}
