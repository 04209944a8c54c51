/** The refusal of a local-only strategy where AWS is the target; its text (and the registry's other texts) is in messages/registry.md. */
import { fileURLToPath } from 'node:url';
import type { Strategy } from './contract.js';
import { AuthError } from './errors.js';
import { Messages } from './messages.js';

let messages: Messages | undefined;

/**
 * The registry's texts (refusals of a local-only strategy, plugin registration errors), loaded on first use: only a
 * refusal or a broken plugin ever needs them.
 */
export function registryMessages(): Messages {
  messages ??= Messages.load(fileURLToPath(new URL('../messages', import.meta.url)), 'registry');
  return messages;
}

export function localOnlyError(
  strategy: Strategy,
  packageName: string,
  attach: string,
  where: string | undefined,
): AuthError {
  const m = registryMessages();
  const values = {
    type: strategy.type,
    cliName: strategy.cliName,
    packageName,
    reason: strategy.localOnly?.reason ?? '',
    where: where ? where.charAt(0).toUpperCase() + where.slice(1) : '',
    attach,
  };
  return new AuthError('ERR_STRATEGY_LOCAL_ONLY', m.get(where ? 'error.LocalOnlyAt' : 'error.LocalOnly', values), {
    actions: m.list('error.LocalOnly.actions', values),
    details: { type: strategy.type, packageName, reason: values.reason, ...(where ? { where } : {}) },
  });
}
