/** This package's own texts (`messages/plugin-kit.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

export function pluginKitMessages(): Messages {
  bundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'plugin-kit');
  return bundle;
}
