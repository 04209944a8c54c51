import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

export type CliErrorCode =
  | 'ERR_USAGE'
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

/** Errors raised by the CLI's own commands and operations. */
export class CliError extends AgentcoreError<CliErrorCode> {
  constructor(code: CliErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, { exitCode: code === 'ERR_USAGE' || code === 'ERR_MISSING_FLAGS' ? 2 : 1, ...options });
  }
}

interface OclifLike {
  oclif?: { exit?: number };
  suggestions?: string[];
}

/** Any thrown value → a coded AgentcoreError (oclif parse errors become ERR_USAGE, exit 2). */
export function toAgentcoreError(err: unknown, commandId?: string): AgentcoreError {
  if (err instanceof AgentcoreError) return err;
  if (err instanceof Error) {
    const o = err as Error & OclifLike;
    if (o.oclif?.exit !== undefined || /Flag|flag|argument|Expected/.test(err.constructor.name + err.message)) {
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
