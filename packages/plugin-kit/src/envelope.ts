/**
 * The `--json` envelope and the human error text every agentcore command prints — the CLI's own and plugin commands
 * alike. No oclif here: the CLI's cold-start runner uses these functions too.
 *
 * Success: `{status: 0, result, warnings}`. Failure: `{name, code, message, actions, details, exitCode}`.
 */
import { AgentcoreError, isAgentcoreError, redactUrlsInText, type AgentcoreErrorOptions } from '@agentcore/schema';
import { pluginKitMessages } from './messages.js';

export interface SuccessEnvelope<R> {
  status: 0;
  result: R;
  warnings: string[];
}

export type FailureEnvelope = ReturnType<AgentcoreError['toJSON']>;

export function successEnvelope<R>(result: R, warnings: readonly string[]): SuccessEnvelope<R> {
  return { status: 0, result, warnings: warnings.map(redactUrlsInText) };
}

/** A warning as printed to stderr in human mode. Warnings, like errors, never show credentials inside URLs. */
export function warningLine(message: string): string {
  return `Warning: ${redactUrlsInText(message)}\n`;
}

/** An error as printed to stderr in human mode: code, message, one line per suggested action. */
export function errorText(e: AgentcoreError): string {
  const lines = [`Error (${e.code}): ${e.message}`, ...e.actions.map((a) => `  → ${a}`)];
  if (process.env.AGENTCORE_DEBUG === '1' && e.cause instanceof Error && e.cause.stack) lines.push(e.cause.stack);
  return lines.join('\n') + '\n';
}

/** Builds the coded error for an uncoded throw (the CLI passes its own error class). */
export type CodedErrorFactory = (
  code: 'ERR_USAGE' | 'ERR_INTERNAL',
  message: string,
  options: AgentcoreErrorOptions,
) => AgentcoreError;

export interface ToCodedErrorOptions {
  /** oclif id of the running command (`token:inspect`), for the usage hint. */
  commandId?: string;
  /** Who to report an internal error to, e.g. `agentcore` or a plugin's package name. */
  reportTo?: string;
  create?: CodedErrorFactory;
}

interface OclifLike {
  oclif?: { exit?: number };
  suggestions?: string[];
}

const defaultFactory: CodedErrorFactory = (code, message, options) => new AgentcoreError(code, message, options);

/**
 * Any thrown value → a coded error. Coded errors of any package copy keep their code, message, actions and exit
 * code (recognised by their brand, see `isAgentcoreError`); oclif's parse errors become `ERR_USAGE` with oclif's
 * exit code (2); anything else is `ERR_INTERNAL`, a bug.
 */
export function toCodedError(err: unknown, options: ToCodedErrorOptions = {}): AgentcoreError {
  if (isAgentcoreError(err)) return err;
  const create = options.create ?? defaultFactory;
  const m = pluginKitMessages();
  const help = options.commandId
    ? m.get('help.command', { command: options.commandId.replace(/:/g, ' ') })
    : m.get('help.root');
  if (err instanceof Error) {
    const o = err as Error & OclifLike;
    if (o.oclif?.exit !== undefined) {
      return create('ERR_USAGE', err.message.replace(/\nSee more help with --help$/, ''), {
        exitCode: o.oclif.exit,
        actions: [...(o.suggestions ?? []), help],
      });
    }
    return create('ERR_INTERNAL', err.message, {
      actions: m.list('error.Bug.actions', { product: options.reportTo ?? 'agentcore' }),
      cause: err,
    });
  }
  return create('ERR_INTERNAL', String(err), { actions: [help] });
}
