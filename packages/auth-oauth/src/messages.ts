/** This plugin's user-facing text (`messages/oauth.md`), loaded once. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/auth';

/** `packages/auth-oauth/messages/` (this file lives in `dist/` or `src/`). */
export const MESSAGES_DIR = fileURLToPath(new URL('../messages', import.meta.url));

export const messages = Messages.load(MESSAGES_DIR, 'oauth');
