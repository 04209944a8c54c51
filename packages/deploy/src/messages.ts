/** This package's user-facing text (`messages/deploy.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/auth';

/** `packages/deploy/messages/` (this file lives in `dist/` or `src/`). */
export const MESSAGES_DIR = fileURLToPath(new URL('../messages', import.meta.url));

let bundle: Messages | undefined;

export function deployMessages(): Messages {
  bundle ??= Messages.load(MESSAGES_DIR, 'deploy');
  return bundle;
}
