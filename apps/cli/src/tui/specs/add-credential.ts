/** `add credential` wizard: name, kind, then the key (api-key) or the OAuth client (oauth); secrets typed masked. */
import { CredentialNameSchema, HttpUrlSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { WizardSpec, WizardStep } from '../wizard/types.js';
import { fieldCheck } from './fields.js';

export function addCredentialSpec(): WizardSpec {
  const m = loadMessages('add.credential');
  const byType: Record<string, WizardStep[]> = {
    'api-key': [{ key: 'api-key', flag: 'api-key', kind: 'secret', message: m.get('prompt.api-key') }],
    oauth: [
      {
        key: 'discovery-url',
        flag: 'discovery-url',
        kind: 'text',
        message: m.get('prompt.discovery-url'),
        validate: fieldCheck(HttpUrlSchema),
      },
      { key: 'client-id', flag: 'client-id', kind: 'text', message: m.get('prompt.client-id') },
      { key: 'client-secret', flag: 'client-secret', kind: 'secret', message: m.get('prompt.client-secret') },
      { key: 'scopes', flag: 'scopes', kind: 'list', message: m.get('prompt.scopes'), optional: true },
    ],
  };
  return {
    id: 'add credential',
    title: m.get('prompt.title'),
    plan: (a) => [
      {
        key: 'name',
        flag: 'name',
        kind: 'text',
        message: m.get('prompt.name'),
        hint: m.get('flags.name.summary'),
        validate: fieldCheck(CredentialNameSchema),
      },
      {
        key: 'type',
        flag: 'type',
        kind: 'select',
        message: m.get('prompt.type'),
        options: [
          { value: 'api-key', label: m.get('prompt.type.api-key') },
          { value: 'oauth', label: m.get('prompt.type.oauth') },
        ],
      },
      ...(typeof a.type === 'string' ? (byType[a.type] ?? []) : []),
    ],
  };
}
