/** The texts of OIDC discovery, identity-provider fetches and token requests (`messages/idp.md`), read on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

export function idpMessages(): Messages {
  bundle ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'idp');
  return bundle;
}
