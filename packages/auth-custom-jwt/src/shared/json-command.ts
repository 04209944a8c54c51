/**
 * Base of this plugin's commands: the same `--json` envelope as the agentcore CLI (which a plugin cannot import).
 * Success: `{status: 0, result, warnings}`. Failure: `{name, code, message, actions, exitCode, details}`.
 */
import { Command } from '@oclif/core';
import { isAgentcoreError, type AgentcoreError } from '@agentcore/schema';
import { CustomJwtError } from '../errors.js';

/** Any thrown value → a coded error (oclif parse errors become ERR_USAGE with exit code 2). */
export function toCodedError(err: unknown, commandId: string | undefined): AgentcoreError {
  if (isAgentcoreError(err)) return err;
  const help = `Run \`agentcore ${(commandId ?? '').replace(/:/g, ' ')} --help\` for usage.`;
  if (err instanceof Error) {
    const exit = (err as Error & { oclif?: { exit?: number } }).oclif?.exit;
    if (exit !== undefined) {
      return new CustomJwtError('ERR_USAGE', err.message.replace(/\nSee more help with --help$/, ''), {
        actions: [help],
        exitCode: exit ?? 2,
      });
    }
    return new CustomJwtError('ERR_INTERNAL', err.message, {
      actions: ['This is a bug in @agentcore/auth-custom-jwt: please report it with the command you ran (no tokens).'],
      cause: err,
    });
  }
  return new CustomJwtError('ERR_INTERNAL', String(err), { actions: [help] });
}

export abstract class JsonCommand<R> extends Command {
  static override enableJsonFlag = true;
  protected readonly warnings: string[] = [];

  abstract override run(): Promise<R>;

  override toSuccessJson(result: unknown): { status: 0; result: unknown; warnings: string[] } {
    return { status: 0, result, warnings: this.warnings };
  }

  override toErrorJson(err: unknown): ReturnType<AgentcoreError['toJSON']> {
    return toCodedError(err, this.id).toJSON();
  }

  override async catch(err: Error & { exitCode?: number }): Promise<void> {
    const e = toCodedError(err, this.id);
    process.exitCode = e.exitCode;
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(e));
      return;
    }
    process.stderr.write([`Error (${e.code}): ${e.message}`, ...e.actions.map((a) => `  → ${a}`)].join('\n') + '\n');
  }
}
