/** Text of the built-in credential kinds and of the core's credential-kind rule (`messages/credential-kinds.md`). */
import { fileURLToPath } from 'node:url';
import { Messages } from '../messages.js';

let loaded: Messages | undefined;

/** Loaded on first use: only commands that touch credentials read it. */
export function kindMessages(): Messages {
  loaded ??= Messages.load(fileURLToPath(new URL('../../messages', import.meta.url)), 'credential-kinds');
  return loaded;
}
