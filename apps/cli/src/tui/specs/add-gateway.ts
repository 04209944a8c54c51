/** `add gateway` wizard: name, description, semantic search, then inbound auth and the strategy's prompts. */
import type { FlagContext } from '@agentcore/auth';
import { GatewayNameSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { Answers, WizardSpec } from '../wizard/types.js';
import { authProblems, authSteps, inboundChoices } from './auth.js';
import type { AttachWizardDeps } from './add-agent.js';
import { fieldCheck } from './fields.js';

export function addGatewaySpec({ registry, project }: AttachWizardDeps): WizardSpec {
  const m = loadMessages('add.gateway');
  const choices = inboundChoices(registry, 'gateway');
  const ctx = (a: Answers): FlagContext => ({
    command: 'add gateway',
    resourceName: typeof a.name === 'string' ? a.name : '',
    project,
  });
  return {
    id: 'add gateway',
    title: m.get('prompt.title'),
    plan: (a) => [
      {
        key: 'name',
        flag: 'name',
        kind: 'text',
        message: m.get('prompt.name'),
        hint: m.get('flags.name.summary'),
        validate: fieldCheck(GatewayNameSchema),
      },
      { key: 'description', flag: 'description', kind: 'text', message: m.get('prompt.description'), optional: true },
      {
        key: 'semantic-search',
        flag: 'semantic-search',
        kind: 'confirm',
        message: m.get('prompt.semantic-search'),
        initial: 'true',
      },
      ...authSteps(choices, m.get('prompt.authorizer-type'), a, ctx(a)),
    ],
    check: (a) => authProblems(choices, a, ctx(a)),
  };
}
