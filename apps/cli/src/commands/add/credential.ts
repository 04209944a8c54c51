import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../shared/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import { openProject } from '../../shared/project.js';
import { resolveSecret } from '../../shared/secrets.js';
import { addCredential, type AddCredentialResult } from '../../operations/add-credential.js';
import { credentialInput } from '../../shared/command-inputs.js';
import { askAdd, needsWizard } from '../../tui/gate.js';

const messages = loadMessages('add.credential');

export type AddCredentialCommandResult = AddCredentialResult;

export default class AddCredential extends AgentcoreCommand<AddCredentialCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary'), }),
    type: Flags.string({ summary: messages.get('flags.type.summary'), helpValue: 'api-key|oauth' }),
    'api-key': Flags.string({ summary: messages.get('flags.api-key.summary') }),
    'discovery-url': Flags.string({ summary: messages.get('flags.discovery-url.summary') }),
    'client-id': Flags.string({ summary: messages.get('flags.client-id.summary') }),
    'client-secret': Flags.string({ summary: messages.get('flags.client-secret.summary') }),
    scopes: Flags.string({ summary: messages.get('flags.scopes.summary'), multiple: true }),
    force: Flags.boolean({ summary: messages.get('flags.force.summary') }),
  };

  async run(): Promise<AddCredentialCommandResult> {
    const { flags } = await this.parse(AddCredential);
    const wizard = needsWizard('add credential', flags, { json: this.jsonEnabled() });
    const apiKey = await resolveSecret({ flag: 'api-key', value: flags['api-key'], envName: 'AGENTCORE_API_KEY' });
    const clientSecret = await resolveSecret({ flag: 'client-secret', value: flags['client-secret'], envName: 'AGENTCORE_CLIENT_SECRET' });
    const { store, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const given = { ...flags, 'api-key': apiKey.value, 'client-secret': clientSecret.value };
    // In a terminal, missing inputs are asked for (secrets masked); the answers take the same path as flags.
    const all = wizard ? await askAdd('add credential', { store }, given) : given;
    const result = await addCredential(store, credentialInput(all));
    for (const w of [apiKey.warning, clientSecret.warning]) if (w) this.addWarning(w);
    this.log(messages.get(result.replaced ? 'success.replaced' : 'success', { name: result.name, keys: result.envKeys.join(', ') }));
    return result;
  }
}
