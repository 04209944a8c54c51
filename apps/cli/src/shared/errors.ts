import { toCodedError } from '@agentcore/plugin-kit';
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

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
  | 'ERR_INCOMPATIBLE'
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

/**
 * Any thrown value → a coded AgentcoreError. Coded errors of any package copy (plugins included) keep their code,
 * message, actions and exit code; oclif's own errors (parse errors, unknown flags) become ERR_USAGE with oclif's exit
 * code (2); anything else is a bug. One definition with plugin commands (`toCodedError` of `@agentcore/plugin-kit`).
 */
export function toAgentcoreError(err: unknown, commandId?: string): AgentcoreError {
  return toCodedError(err, {
    commandId,
    reportTo: 'agentcore',
    create: (code, message, options) => new CliError(code, message, options),
  });
}
