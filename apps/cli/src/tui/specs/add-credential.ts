/**
 * `add credential` wizard: name, kind (every registered credential kind), then that kind's own prompts (secrets
 * typed masked). Answers are flag values and take the flag path.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import { CredentialNameSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { WizardSpec } from '../wizard/types.js';
import { fieldCheck, promptStep } from './fields.js';

export function addCredentialSpec(registry: StrategyRegistry): WizardSpec {
  const m = loadMessages('add.credential');
  const kinds = registry.credentialKinds.all().map((e) => e.kind);
  return {
    id: 'add credential',
    title: m.get('prompt.title'),
    plan: (a) => {
      const kind = typeof a.type === 'string' ? registry.credentialKinds.find(a.type)?.kind : undefined;
      const prompts = kind?.prompts?.() ?? [];
      return [
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
          options: kinds.map((k) => ({ value: k.cliName, label: k.summary })),
        },
        ...(kind ? prompts.flatMap((p) => (!p.when || p.when(a) ? [promptStep(p)] : [])) : []),
      ];
    },
  };
}
