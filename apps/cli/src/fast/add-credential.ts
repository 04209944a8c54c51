/** `agentcore add credential` for the cold-start runner (lite.ts): the command's own flags and handler. */
import type { AddCredentialResult } from '../operations/add-credential.js';
import { addCredentialFlags } from '../handlers/add-credential-flags.js';
import { addCredentialHandler, type AddCredentialFlags } from '../handlers/add-credential.js';
import type { HotCommand } from './lite.js';

export const command: HotCommand<AddCredentialFlags, AddCredentialResult> = {
  id: 'add:credential',
  // The object commands/add/credential.ts declares as its static flags.
  flags: () => addCredentialFlags,
  handler: addCredentialHandler,
};
