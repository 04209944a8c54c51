/**
 * The flags of `agentcore add credential`, declared once: the oclif command (commands/add/credential.ts) declares
 * them as its static flags and the cold-start runner (src/fast/add-credential.ts) parses with them through oclif's
 * own parser. Only `@oclif/core/flags` is imported, so the runner's bundle does not take in oclif's command or config.
 */
import { boolean, string } from '@oclif/core/flags';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('add.credential');

export const addCredentialFlags = {
  name: string({ summary: messages.get('flags.name.summary') }),
  type: string({ summary: messages.get('flags.type.summary'), helpValue: 'api-key|oauth' }),
  'api-key': string({ summary: messages.get('flags.api-key.summary') }),
  'discovery-url': string({ summary: messages.get('flags.discovery-url.summary') }),
  'client-id': string({ summary: messages.get('flags.client-id.summary') }),
  'client-secret': string({ summary: messages.get('flags.client-secret.summary') }),
  scopes: string({ summary: messages.get('flags.scopes.summary'), multiple: true }),
  force: boolean({ summary: messages.get('flags.force.summary') }),
};
