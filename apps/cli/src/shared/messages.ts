import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/auth';

/** `apps/cli/messages/` (this file lives in `dist/shared/`). */
export const MESSAGES_DIR = fileURLToPath(new URL('../../messages', import.meta.url));

export function loadMessages(bundle: string): Messages {
  return Messages.load(MESSAGES_DIR, bundle);
}

/** Shared error and warning texts used across commands. */
export const cliMessages = loadMessages('shared');
