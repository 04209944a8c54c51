/** Field checks for wizard steps: the schema's own validator, first issue as the message (STYLE rule 6). */
import type { AnyZodSchema } from '@agentcore/schema';

export function fieldCheck(schema: AnyZodSchema): (value: string) => string | undefined {
  return (value) => {
    const r = schema.safeParse(value);
    return r.success ? undefined : (r.error.issues[0]?.message ?? 'invalid value');
  };
}
