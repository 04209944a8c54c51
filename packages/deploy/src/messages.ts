/** This package's user-facing text (`messages/deploy.md`), loaded once. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/auth';

/** `packages/deploy/messages/` (this file lives in `dist/` or `src/`). */
export const MESSAGES_DIR = fileURLToPath(new URL('../messages', import.meta.url));

export const messages = Messages.load(MESSAGES_DIR, 'deploy');
