/** The one code path that adds a gateway. */
import type { FlagValues, StrategyRegistry } from '@agentcore/auth';
import { GatewayNameSchema, type Gateway, type ProjectStore } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { rejectUnselectedFlags, runFromFlags, selectStrategy } from '../shared/attach.js';
import { applyCredentialPlans } from './credential-plans.js';
import { ProblemList } from './problems.js';

const messages = loadMessages('add.gateway');

export interface AddGatewayInput {
  name?: string;
  description?: string;
  authorizerType?: string;
  semanticSearch?: boolean;
  exceptionLevel?: string;
  values: FlagValues;
}

export interface AddGatewayResult {
  name: string;
  authorizerType: string;
  credentialsCreated: string[];
  warnings: string[];
}

export async function addGateway(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: AddGatewayInput,
): Promise<AddGatewayResult> {
  const p = new ProblemList();
  const name = p.field('name', GatewayNameSchema, input.name);
  const exceptionLevel = (input.exceptionLevel ?? 'NONE').toUpperCase();
  if (exceptionLevel !== 'NONE' && exceptionLevel !== 'DEBUG')
    p.add({ flag: 'exception-level', message: messages.get('error.ExceptionLevel') });
  p.throwIfAny('add gateway');
  // messages-check: internal — p.throwIfAny() above has already reported a missing name
  if (!name) throw new TypeError('unreachable: validated above');

  const selection = selectStrategy(registry, 'inbound', input.authorizerType, ['NONE', 'AWS_IAM'], 'authorizer-type');
  rejectUnselectedFlags(registry, 'add gateway', selection.strategy, input.values, 'authorizer-type');
  const { config: current } = await store.load();
  const auth = selection.strategy
    ? runFromFlags(selection.strategy, input.values, { command: 'add gateway', resourceName: name, project: current })
    : undefined;

  const gateway: Gateway = {
    name,
    ...(input.description ? { description: input.description } : {}),
    targets: [],
    authorizerType: selection.strategy?.type ?? selection.builtin ?? 'NONE',
    ...(auth ? { authorizerConfiguration: auth.config } : {}),
    enableSemanticSearch: input.semanticSearch ?? true,
    exceptionLevel: exceptionLevel === 'DEBUG' ? 'DEBUG' : 'NONE',
  };
  const { result } = await store.update((draft, ctx) => {
    if (draft.agentCoreGateways.some((g) => g.name === name)) {
      throw new CliError('ERR_DUPLICATE', messages.get('error.GatewayExists', { name }), {
        actions: messages.list('error.GatewayExists.actions'),
        details: { name },
      });
    }
    draft.agentCoreGateways.push(gateway);
    return applyCredentialPlans(draft, ctx, auth?.credentials);
  });
  return {
    name,
    authorizerType: gateway.authorizerType ?? 'NONE',
    credentialsCreated: result,
    warnings: [...(auth?.warnings ?? [])],
  };
}
