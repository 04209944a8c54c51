import { AgentcoreError, isAgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

export type CliErrorCode =
  | 'ERR_USAGE'
  | 'ERR_UNKNOWN_COMMAND'
  | 'ERR_MISSING_FLAGS'
  | 'ERR_CANCELLED'
  | 'ERR_INVALID_INPUT'
  | 'ERR_STRATEGY_NOT_INSTALLED'
  | 'ERR_STRATEGY_FLAG_UNSELECTED'
  | 'ERR_NOT_FOUND'
  | 'ERR_NOT_DEPLOYED'
  | 'ERR_DUPLICATE'
  | 'ERR_IN_USE'
  | 'ERR_INTERNAL';

/**
 * Codes that mean "the shape of the command line is wrong" (unknown, missing or conflicting flags): they exit 2, like
 * oclif's own parse errors. A flag whose value is invalid (ERR_INVALID_INPUT) exits 1, as any other invalid input.
 */
const USAGE_CODES: ReadonlySet<CliErrorCode> = new Set([
  'ERR_USAGE',
  'ERR_UNKNOWN_COMMAND',
  'ERR_MISSING_FLAGS',
  'ERR_STRATEGY_FLAG_UNSELECTED',
]);

/** Errors raised by the CLI's own commands and operations. */
export class CliError extends AgentcoreError<CliErrorCode> {
  constructor(code: CliErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, { exitCode: USAGE_CODES.has(code) ? 2 : 1, ...options });
  }
}

interface OclifLike {
  oclif?: { exit?: number };
  suggestions?: string[];
}

/**
 * Any thrown value → a coded AgentcoreError. Coded errors of any package copy (plugins included) keep their code,
 * message, actions and exit code; oclif's own errors (parse errors, unknown flags) become ERR_USAGE with oclif's exit
 * code (2); anything else is a bug.
 */
export function toAgentcoreError(err: unknown, commandId?: string): AgentcoreError {
  if (isAgentcoreError(err)) return err;
  if (err instanceof Error) {
    const o = err as Error & OclifLike;
    if (o.oclif?.exit !== undefined) {
      const help = commandId
        ? `Run \`agentcore ${commandId.replace(/:/g, ' ')} --help\` for usage.`
        : 'Run `agentcore --help` for usage.';
      return new CliError('ERR_USAGE', err.message.replace(/\nSee more help with --help$/, ''), {
        exitCode: o.oclif?.exit ?? 2,
        actions: [...(o.suggestions ?? []), help],
      });
    }
    return new CliError('ERR_INTERNAL', err.message, {
      actions: ['This is a bug in agentcore: please report it with the command you ran (no secrets).'],
      cause: err,
    });
  }
  return new CliError('ERR_INTERNAL', String(err));
}
