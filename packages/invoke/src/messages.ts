/** This package's user-facing text (`messages/invoke.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

export function invokeMessages(): Messages {
  bundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'invoke');
  return bundle;
}
