/**
 * The auth part of an attach wizard, built from the registry: a select of the built-ins plus the installed
 * strategies that apply to the resource, then the chosen strategy's own `prompts(ctx)` (with `when` applied).
 */
import type { FlagContext, InboundStrategy, InputProblem, OutboundStrategy, StrategyRegistry } from '@agentcore/auth';
import {
  allowedOutboundAuth,
  BUILTIN_OUTBOUND,
  TARGET_TYPE_INFO,
  type InboundResourceKind,
  type TargetType,
} from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { Answers, StepOption, WizardStep } from '../wizard/types.js';
import { promptStep } from './fields.js';

const m = loadMessages('interactive');
const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

type AnyStrategy = InboundStrategy | OutboundStrategy;

export interface AuthChoices {
  flag: 'authorizer-type' | 'outbound-auth';
  options: readonly StepOption[];
  strategies: readonly AnyStrategy[];
}

const strategyOption = (s: AnyStrategy): StepOption => ({ value: s.cliName, label: s.cliName, hint: s.summary });

/** Inbound choices for a runtime (`AWS_IAM` first: the default) or a gateway (`NONE`, `AWS_IAM`). */
export function inboundChoices(registry: StrategyRegistry, resource: InboundResourceKind): AuthChoices {
  const builtins = resource === 'runtime' ? ['AWS_IAM'] : ['NONE', 'AWS_IAM'];
  const strategies = registry.inbound(resource);
  return {
    flag: 'authorizer-type',
    options: [
      ...builtins.map((b) => ({ value: b, label: m.get(`auth.builtin.${b}`) })),
      ...strategies.map(strategyOption),
    ],
    strategies,
  };
}

/** Outbound choices a target type allows (`none` only when the type does not require auth). */
export function outboundChoices(registry: StrategyRegistry, targetType: TargetType): AuthChoices {
  const allowed = allowedOutboundAuth(targetType, [...BUILTIN_OUTBOUND, ...registry.outbound()]);
  const builtins = [
    ...(allowed.includes('NONE') && !TARGET_TYPE_INFO[targetType].authRequired ? ['none'] : []),
    ...(allowed.includes('GATEWAY_IAM_ROLE') ? ['gateway-iam-role'] : []),
  ];
  const strategies = registry.outbound(targetType).filter((s) => allowed.includes(s.type));
  return {
    flag: 'outbound-auth',
    options: [
      ...builtins.map((b) => ({ value: b, label: m.get(`auth.builtin.${b}`) })),
      ...strategies.map(strategyOption),
    ],
    strategies,
  };
}

export function chosenStrategy(choices: AuthChoices, answers: Answers): AnyStrategy | undefined {
  const v = answers[choices.flag];
  return typeof v === 'string'
    ? choices.strategies.find((s) => norm(s.cliName) === norm(v) || norm(s.type) === norm(v))
    : undefined;
}

/** The auth select (skipped when nothing can be chosen), then the chosen strategy's prompts for these answers. */
export function authSteps(choices: AuthChoices, message: string, answers: Answers, ctx: FlagContext): WizardStep[] {
  if (choices.options.length === 0) return [];
  const select: WizardStep = {
    key: choices.flag,
    flag: choices.flag,
    kind: 'select',
    message,
    options: choices.options,
  };
  const strategy = chosenStrategy(choices, answers);
  const prompts = strategy?.prompts?.(ctx) ?? [];
  return [
    select,
    ...prompts.flatMap((p, i) =>
      !p.when || p.when(answers) ? [promptStep(p, `${(strategy as AnyStrategy).type}.${i}.${p.flag}`)] : [],
    ),
  ];
}

/** What the strategy's `fromFlags` (the flag path's own check) says about these answers. */
export function authProblems(choices: AuthChoices, answers: Answers, ctx: FlagContext): readonly InputProblem[] {
  const strategy = chosenStrategy(choices, answers);
  if (!strategy) return [];
  const r = strategy.fromFlags(answers, ctx);
  return r.ok ? [] : r.problems;
}
