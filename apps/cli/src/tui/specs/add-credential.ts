/**
 * `add credential` wizard: name, kind (every registered credential kind), then that kind's own prompts (secrets
 * typed masked). Answers are flag values and take the flag path.
 */
import type { StrategyPrompt, StrategyRegistry } from '@agentcore/auth';
import { CredentialNameSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { WizardSpec, WizardStep } from '../wizard/types.js';
import { fieldCheck } from './fields.js';

function promptStep(p: StrategyPrompt): WizardStep {
  return {
    key: p.flag,
    flag: p.flag,
    kind: p.kind,
    message: p.message,
    ...(p.options ? { options: p.options } : {}),
    ...(p.optional ? { optional: true } : {}),
    ...(p.initial !== undefined ? { initial: p.initial } : {}),
    ...(p.validate ? { validate: p.validate } : {}),
  };
}

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
