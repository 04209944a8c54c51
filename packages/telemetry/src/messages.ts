/** This package's user-facing text (`messages/telemetry.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

export function telemetryMessages(): Messages {
  bundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'telemetry');
  return bundle;
}
