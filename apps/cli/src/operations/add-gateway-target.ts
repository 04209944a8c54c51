/** The one code path that adds a gateway target (flags and wizard both end here). */
import type { FlagValues, StrategyRegistry } from '@agentcore/auth';
import {
  allowedOutboundAuth,
  BUILTIN_OUTBOUND,
  creatableTargetTypes,
  TARGET_TYPE_INFO,
  TargetNameSchema,
  targetTypeFromCli,
  type GatewayTarget,
  type OutboundAuth,
  type ProjectStore,
  type TargetType,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { rejectUnselectedFlags, runFromFlags, selectStrategy } from '../shared/attach.js';
import { applyCredentialPlans } from './credential-plans.js';
import { ProblemList } from './problems.js';
import { buildTargetFields, type TargetInput } from './target-input.js';
import { checkTargetFiles } from './target-files.js';

export interface AddGatewayTargetInput extends TargetInput {
  name?: string;
  gateway?: string;
  type?: string;
  outboundAuth?: string;
  credentialName?: string;
  values: FlagValues;
}

export interface AddGatewayTargetResult {
  name: string;
  gateway: string;
  targetType: string;
  outboundAuth: string;
  credentialsCreated: string[];
  warnings: string[];
}

const messages = loadMessages('add.gateway-target');

const cli = (t: string) => t.toLowerCase().replace(/_/g, '-');

/** Flags of a strategy the target type cannot use: say so, instead of suggesting an --outbound-auth that fails next. */
function rejectInapplicableFlags(
  registry: StrategyRegistry,
  targetType: TargetType,
  allowed: readonly string[],
  input: AddGatewayTargetInput,
  selected: unknown,
): void {
  for (const { entry, flags } of registry.flagsFor('add gateway-target')) {
    if (allowed.includes(entry.strategy.type)) continue;
    const given = flags
      .filter((f) => input.values[f.name] !== undefined && input.values[f.name] !== false)
      .map((f) => `--${f.name}`);
    if (given.length === 0) continue;
    const typeCli = TARGET_TYPE_INFO[targetType].cli ?? targetType;
    const drop = [
      ...(selected === entry.strategy
        ? ['--outbound-auth', ...(input.credentialName ? ['--credential-name'] : [])]
        : []),
      ...given,
    ];
    const values = {
      flags: given.join(', '),
      verb: given.length > 1 ? 'are' : 'is',
      strategy: entry.strategy.cliName,
      type: typeCli,
      drop: drop.join(', '),
      allowed: allowed.map(cli).join(' | '),
    };
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.FlagsOfUnsupportedAuth', values), {
      actions: [
        messages.get(
          allowed.length ? 'error.FlagsOfUnsupportedAuth.dropAndUse' : 'error.FlagsOfUnsupportedAuth.drop',
          values,
        ),
      ],
      details: { flags: given, strategy: entry.strategy.type, targetType, allowed },
    });
  }
}

export async function addGatewayTarget(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: AddGatewayTargetInput,
): Promise<AddGatewayTargetResult> {
  const p = new ProblemList();
  const name = p.field('name', TargetNameSchema, input.name);
  if (!input.gateway) p.add({ flag: 'gateway', message: messages.get('error.GatewayMissing') });
  const targetType = input.type === undefined ? undefined : targetTypeFromCli(input.type);
  const creatable = creatableTargetTypes();
  if (!targetType || !creatable.some((c) => c.type === targetType)) {
    p.add({
      flag: 'type',
      message: messages.get(input.type ? 'error.TypeUnknown.got' : 'error.TypeUnknown', {
        types: creatable.map((c) => c.cli).join(', '),
        type: input.type ?? '',
      }),
    });
  }
  const fields = targetType ? buildTargetFields(targetType, input, p) : {};
  checkTargetFiles(store.paths.root, fields, p);
  p.throwIfAny('add gateway-target');
  // messages-check: internal — p.throwIfAny() above has already reported a missing name, type or gateway
  if (!name || !targetType || !input.gateway) throw new TypeError('unreachable: validated above');

  const builtins = BUILTIN_OUTBOUND.map((b) => b.type);
  const selection = selectStrategy(registry, 'outbound', input.outboundAuth, builtins, 'outbound-auth');
  const chosen = selection.strategy?.type ?? selection.builtin;
  const variants = [...BUILTIN_OUTBOUND, ...registry.outbound()];
  const allowed = allowedOutboundAuth(targetType, variants);
  const info = TARGET_TYPE_INFO[targetType];
  rejectInapplicableFlags(registry, targetType, allowed, input, selection.strategy);
  rejectUnselectedFlags(registry, 'add gateway-target', selection.strategy, input.values, 'outbound-auth');
  if (chosen !== undefined && !allowed.includes(chosen)) {
    const key = allowed.length === 0 ? 'error.NoOutboundAuth' : 'error.OutboundAuthUnsupported';
    const values = {
      type: info.cli ?? targetType,
      auth: cli(chosen),
      allowed: allowed.map(cli).join(', '),
      choices: allowed.map(cli).join(' | '),
    };
    throw new CliError('ERR_INVALID_INPUT', messages.get(key, values), {
      actions: messages.list(`${key}.actions`, values),
      details: { targetType, outboundAuth: chosen, allowed },
    });
  }
  if (info.authRequired && (chosen === undefined || chosen === 'NONE')) {
    const options = allowed.filter((a) => !builtins.includes(a));
    const values = {
      type: info.cli ?? targetType,
      options: options.map(cli).join(' or ') || messages.get('error.OutboundAuthRequired.none'),
      choices: options.map(cli).join(' | '),
    };
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.OutboundAuthRequired', values), {
      actions: messages.list(
        options.length ? 'error.OutboundAuthRequired.actions' : 'error.OutboundAuthRequired.install',
        values,
      ),
      details: { targetType, allowed },
    });
  }
  if (!selection.strategy && input.credentialName) {
    const examples =
      registry
        .outbound(targetType)
        .map((s) => s.cliName)
        .join(', ') || 'api-key';
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.CredentialWithoutAuth', { examples }), {
      actions: messages.list('error.CredentialWithoutAuth.actions'),
    });
  }

  const { config: current } = await store.load();
  const auth = selection.strategy
    ? runFromFlags(selection.strategy, input.values, {
        command: 'add gateway-target',
        resourceName: name,
        targetType,
        project: current,
      })
    : undefined;
  const outboundAuth: OutboundAuth | undefined = auth
    ? (selection.strategy?.elideDefaults?.(auth.config) ?? auth.config)
    : chosen === 'GATEWAY_IAM_ROLE'
      ? { type: 'GATEWAY_IAM_ROLE' }
      : undefined;

  const target: GatewayTarget = { name, targetType, ...fields, ...(outboundAuth ? { outboundAuth } : {}) };
  const gatewayName = input.gateway;
  const { result } = await store.update((draft, ctx) => {
    const gateway = draft.agentCoreGateways.find((g) => g.name === gatewayName);
    if (!gateway) {
      const names = draft.agentCoreGateways.map((g) => g.name);
      throw new CliError('ERR_NOT_FOUND', messages.get('error.GatewayNotFound', { gateway: gatewayName }), {
        actions: messages.list(names.length ? 'error.GatewayNotFound.useOneOf' : 'error.GatewayNotFound.addOne', {
          names: names.join(', '),
        }),
        details: { gateway: gatewayName, available: names },
      });
    }
    if (gateway.targets.some((t) => t.name === name)) {
      throw new CliError('ERR_DUPLICATE', messages.get('error.TargetExists', { gateway: gatewayName, name }), {
        actions: messages.list('error.TargetExists.actions'),
        details: { name },
      });
    }
    gateway.targets.push(target);
    return applyCredentialPlans(draft, ctx, auth?.credentials);
  });
  return {
    name,
    gateway: gatewayName,
    targetType,
    outboundAuth: outboundAuth?.type ?? 'NONE',
    credentialsCreated: result,
    warnings: [...(auth?.warnings ?? [])],
  };
}
