/** Registration errors shared by auth strategies and credential kinds; texts in messages/registry.md. */
import { STRATEGY_CONTRACT_VERSION } from './contract.js';
import { AuthError } from './errors.js';
import { registryMessages } from './local-only.js';

interface Source {
  packageName: string;
}

/** `ERR_STRATEGY_CONTRACT`: the plugin was built for another major version of the strategy contract. */
export function contractError(source: Source, contractVersion: number): AuthError {
  const m = registryMessages();
  const values = { packageName: source.packageName, version: contractVersion, expected: STRATEGY_CONTRACT_VERSION };
  return new AuthError('ERR_STRATEGY_CONTRACT', m.get('error.ContractMismatch', values), {
    actions: m.list('error.ContractMismatch.actions', values),
    details: { packageName: source.packageName, contractVersion, expected: STRATEGY_CONTRACT_VERSION },
  });
}

/** `ERR_FLAG_COLLISION`: two packages define the same flag of one command. */
export function flagCollision(flag: string, command: string, first: Source, source: Source): AuthError {
  const m = registryMessages();
  const values = { flag, command, first: first.packageName, packageName: source.packageName };
  return new AuthError('ERR_FLAG_COLLISION', m.get('error.FlagCollision', values), {
    actions: m.list('error.Duplicate.actions', values),
    details: { flag, command, packages: [first.packageName, source.packageName] },
  });
}
