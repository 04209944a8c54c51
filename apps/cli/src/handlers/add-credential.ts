/**
 * `agentcore add credential` once its flags are parsed: run by the oclif command and by the cold-start runner
 * (docs/architecture.md, "Cold start"), so both paths do exactly the same thing.
 */
import { addCredential, type AddCredentialResult } from '../operations/add-credential.js';
import { credentialInput } from '../command-support/command-inputs.js';
import type { CommandHost } from '../shared/command-host.js';
import { loadMessages } from '../shared/messages.js';
import { openProjectWith } from '../shared/project.js';
import { resolveSecret } from '../command-support/secrets.js';
import { askAdd, needsWizard } from '../tui/gate.js';
import { rejectEmptyFlags } from '../command-support/empty-flags.js';

/**
 * Parsed flags: the command's own (`name`, `type`, `force`) and those of the registered credential kinds (a type,
 * not an interface: the wizard gate reads it as a plain record).
 */
export type AddCredentialFlags = {
  name?: string;
  type?: string;
  force?: boolean;
  [flag: string]: string | string[] | boolean | undefined;
};

export async function addCredentialHandler(host: CommandHost, flags: AddCredentialFlags): Promise<AddCredentialResult> {
  rejectEmptyFlags('add credential', flags);
  const wizard = needsWizard('add credential', flags, { json: host.json });
  const loaded = await host.loadStrategies();
  // Every kind's secret flags: `-` reads stdin, an absent flag may come from its environment variable.
  const given: Record<string, string | string[] | boolean | undefined> = { ...flags };
  const secretWarnings: string[] = [];
  for (const { flag } of loaded.registry.credentialKinds.flags()) {
    if (!flag.secret) continue;
    const value = flags[flag.name];
    const resolved = await resolveSecret({
      flag: flag.name,
      value: typeof value === 'string' ? value : undefined,
      ...(flag.env ? { envName: flag.env } : {}),
    });
    given[flag.name] = resolved.value;
    if (resolved.warning) secretWarnings.push(resolved.warning);
  }
  const { store, warnings } = await openProjectWith(loaded);
  warnings.forEach((w) => host.addWarning(w));
  // In a terminal, missing inputs are asked for (secrets masked); the answers take the same path as flags.
  const all = wizard ? await askAdd('add credential', { store, registry: loaded.registry }, given) : given;
  const result = await addCredential(store, loaded.registry, credentialInput(all));
  secretWarnings.forEach((w) => host.addWarning(w));
  const messages = loadMessages('add.credential');
  host.log(
    messages.get(result.replaced ? 'success.replaced' : 'success', {
      name: result.name,
      keys: result.envKeys.join(', '),
    }),
  );
  return result;
}
