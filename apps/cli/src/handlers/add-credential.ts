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

/** Parsed flags (a type, not an interface: the wizard gate reads it as a plain record). */
export type AddCredentialFlags = {
  name?: string;
  type?: string;
  'api-key'?: string;
  'discovery-url'?: string;
  'client-id'?: string;
  'client-secret'?: string;
  scopes?: string[];
  force?: boolean;
};

export async function addCredentialHandler(host: CommandHost, flags: AddCredentialFlags): Promise<AddCredentialResult> {
  rejectEmptyFlags('add credential', flags);
  const wizard = needsWizard('add credential', flags, { json: host.json });
  const apiKey = await resolveSecret({ flag: 'api-key', value: flags['api-key'], envName: 'AGENTCORE_API_KEY' });
  const clientSecret = await resolveSecret({
    flag: 'client-secret',
    value: flags['client-secret'],
    envName: 'AGENTCORE_CLIENT_SECRET',
  });
  const { store, warnings } = await openProjectWith(await host.loadStrategies());
  warnings.forEach((w) => host.addWarning(w));
  const given = { ...flags, 'api-key': apiKey.value, 'client-secret': clientSecret.value };
  // In a terminal, missing inputs are asked for (secrets masked); the answers take the same path as flags.
  const all = wizard ? await askAdd('add credential', { store }, given) : given;
  const result = await addCredential(store, credentialInput(all));
  for (const w of [apiKey.warning, clientSecret.warning]) if (w) host.addWarning(w);
  const messages = loadMessages('add.credential');
  host.log(
    messages.get(result.replaced ? 'success.replaced' : 'success', {
      name: result.name,
      keys: result.envKeys.join(', '),
    }),
  );
  return result;
}
