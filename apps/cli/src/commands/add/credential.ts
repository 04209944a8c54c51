import { StrategyRegistry } from '@agentcore/auth';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { addCredentialFlags } from '../../command-support/credential-flags.js';
import { loadMessages } from '../../shared/messages.js';
import { loadRegistry } from '../../shared/strategies.js';
import type { AddCredentialResult } from '../../operations/add-credential.js';
import { addCredentialHandler, type AddCredentialFlags } from '../../handlers/add-credential.js';

const messages = loadMessages('add.credential');

export type AddCredentialCommandResult = AddCredentialResult;

export default class AddCredential extends AgentcoreCommand<AddCredentialCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  /** The built-in kinds' flags (what the manifest lists); installed kinds add theirs when the command runs. */
  static override flags = addCredentialFlags(new StrategyRegistry());

  async run(): Promise<AddCredentialCommandResult> {
    const loaded = await loadRegistry(this.config);
    const { flags } = await this.parse({
      flags: addCredentialFlags(loaded.registry),
      baseFlags: AddCredential.baseFlags,
      enableJsonFlag: AddCredential.enableJsonFlag,
      strict: true,
    });
    // The cold-start runner (src/fast/add-credential.ts) parses with the same function and runs the same handler:
    // keep all behaviour in the handler.
    return addCredentialHandler(this.host(), flags as AddCredentialFlags);
  }
}
