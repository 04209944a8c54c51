/** Collects field problems from zod field schemas into one coded input error (validate everything before writing). */
import type { InputProblem } from '@agentcore/auth';
import type { AnyZodSchema } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { cliMessages } from '../shared/messages.js';

export class ProblemList {
  readonly problems: InputProblem[] = [];

  /** Check `value` with a field schema; returns the parsed value, or undefined after recording the problem. */
  field<T>(flag: string, schema: AnyZodSchema<T>, value: unknown): T | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    this.problems.push({ flag, message: r.error.issues[0]?.message ?? cliMessages.get('error.InvalidValue') });
    return undefined;
  }

  /** Like {@link field}, for an optional value: undefined is accepted as is (what the schema wrapped in `z.optional` does). */
  optionalField<T>(flag: string, schema: AnyZodSchema<T>, value: unknown): T | undefined {
    return value === undefined ? undefined : this.field(flag, schema, value);
  }

  add(problem: InputProblem): void {
    this.problems.push(problem);
  }

  throwIfAny(command: string): void {
    if (this.problems.length === 0) return;
    const lines = this.problems.map((p) => `${p.flag ? `--${p.flag}: ` : ''}${p.message}`);
    const message =
      lines.length === 1
        ? (lines[0] ?? '')
        : cliMessages.get('error.InvalidInput', { problems: lines.map((l) => `  - ${l}`).join('\n') });
    throw new CliError('ERR_INVALID_INPUT', message, {
      actions: [
        ...this.problems.flatMap((p) => (p.action ? [p.action] : [])),
        cliMessages.get('error.InvalidInput.help', { command }),
      ],
      details: { problems: this.problems },
    });
  }
}
