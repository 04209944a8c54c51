/**
 * The flags of `add credential`: its own (`--name`, `--type`, `--force`) plus every flag the registered credential
 * kinds contribute. The command's static flags are this function of a registry with only the built-in kinds (what
 * the oclif manifest and the cold-start runner see); at run time the command parses with the installed registry.
 * A kind's flag summary is shown as written (secret flags say themselves how to pass the value).
 */
import * as Flags from '@oclif/core/flags';
import type { Interfaces } from '@oclif/core';
import { BUILTIN_CREDENTIAL_SOURCE, type StrategyFlag, type StrategyRegistry } from '@agentcore/auth';
import { loadMessages } from '../shared/messages.js';
import { orList } from '../operations/add-credential.js';
import { helpGroupFor } from './strategy-flags.js';

function toOclifFlag(flag: StrategyFlag, helpGroup: string | undefined): Interfaces.Flag<unknown> {
  const common = { summary: flag.summary, ...(helpGroup ? { helpGroup } : {}) };
  if (flag.kind === 'boolean') return Flags.boolean(common) as Interfaces.Flag<unknown>;
  const helpValue = flag.options ? { helpValue: flag.options.join('|') } : {};
  if (flag.multiple) return Flags.string({ ...common, ...helpValue, multiple: true }) as Interfaces.Flag<unknown>;
  return Flags.string({ ...common, ...helpValue }) as Interfaces.Flag<unknown>;
}

/** `add credential`'s oclif flags for the kinds in `registry` (built-in kinds' flags carry no help group). */
export function addCredentialFlags(registry: StrategyRegistry): Record<string, Interfaces.Flag<unknown>> {
  const messages = loadMessages('add.credential');
  const kinds = registry.credentialKinds.all().map((e) => e.kind.cliName);
  const out: Record<string, Interfaces.Flag<unknown>> = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }) as Interfaces.Flag<unknown>,
    type: Flags.string({
      summary: messages.get('flags.type.summary', { kinds: orList(kinds) }),
      helpValue: kinds.join('|'),
    }) as Interfaces.Flag<unknown>,
  };
  for (const { entry, flag } of registry.credentialKinds.flags()) {
    const builtin = entry.source.packageName === BUILTIN_CREDENTIAL_SOURCE.packageName;
    out[flag.name] = toOclifFlag(
      flag,
      builtin ? undefined : helpGroupFor(entry.source.packageName, entry.kind.cliName),
    );
  }
  out.force = Flags.boolean({ summary: messages.get('flags.force.summary') }) as Interfaces.Flag<unknown>;
  return out;
}
