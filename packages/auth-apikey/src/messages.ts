/** This plugin's user-facing text (`messages/api-key.md`), loaded once. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/auth';

/** `packages/auth-apikey/messages/` (this file lives in `dist/` or `src/`). */
export const MESSAGES_DIR = fileURLToPath(new URL('../messages', import.meta.url));

export const messages = Messages.load(MESSAGES_DIR, 'api-key');
