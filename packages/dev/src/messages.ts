/** This package's user-facing text (`messages/dev.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

export function devMessages(): Messages {
  bundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'dev');
  return bundle;
}
