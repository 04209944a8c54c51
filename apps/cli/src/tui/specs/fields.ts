/** Field checks for wizard steps: the schema's own validator, first issue as the message. */
import type { AnyZodSchema } from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';

export function fieldCheck(schema: AnyZodSchema): (value: string) => string | undefined {
  return (value) => {
    const r = schema.safeParse(value);
    if (r.success) return undefined;
    return r.error.issues[0]?.message ?? loadMessages('interactive').get('error.InvalidValue');
  };
}
