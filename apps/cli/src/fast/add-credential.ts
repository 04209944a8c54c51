/** `agentcore add credential` for the cold-start runner (lite.ts): the command's own flags function and handler. */
import type { AddCredentialResult } from '../operations/add-credential.js';
import { addCredentialFlags } from '../command-support/credential-flags.js';
import { addCredentialHandler, type AddCredentialFlags } from '../handlers/add-credential.js';
import type { HotCommand } from './lite.js';

export const command: HotCommand<AddCredentialFlags, AddCredentialResult> = {
  id: 'add:credential',
  // What commands/add/credential.ts parses with: the flags of the kinds the loaded registry knows.
  flags: async (loadStrategies) => addCredentialFlags((await loadStrategies()).registry),
  handler: addCredentialHandler,
};
