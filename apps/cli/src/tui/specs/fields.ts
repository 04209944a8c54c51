/** Field checks for wizard steps: the schema's own validator, first issue as the message. */
import type { StrategyPrompt } from '@agentcore/auth';
import type { AnyZodSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import type { WizardStep } from '../wizard/types.js';

export function fieldCheck(schema: AnyZodSchema): (value: string) => string | undefined {
  return (value) => {
    const r = schema.safeParse(value);
    if (r.success) return undefined;
    return r.error.issues[0]?.message ?? loadMessages('interactive').get('error.InvalidValue');
  };
}

/** A wizard step from a plugin's prompt (a strategy's or a credential kind's); `key` keeps answers apart. */
export function promptStep(p: StrategyPrompt, key: string = p.flag): WizardStep {
  return {
    key,
    flag: p.flag,
    kind: p.kind,
    message: p.message,
    ...(p.options ? { options: p.options } : {}),
    ...(p.optional ? { optional: true } : {}),
    ...(p.initial !== undefined ? { initial: p.initial } : {}),
    ...(p.validate ? { validate: p.validate } : {}),
    ...(p.claims ? { claims: p.claims } : {}),
  };
}
