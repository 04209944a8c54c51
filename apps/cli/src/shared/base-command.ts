/**
 * Base of every agentcore command: `--json` with one envelope, typed errors with actions, warnings collected.
 * Success: `{status: 0, result, warnings}`. Failure: `{name, code, message, actions, exitCode}` (+ `details`).
 */
import { Command } from '@oclif/core';
import { AgentcoreError } from '@agentcore/schema';
import { toAgentcoreError } from './errors.js';

export interface SuccessEnvelope<R> {
  status: 0;
  result: R;
  warnings: string[];
}

export abstract class AgentcoreCommand<R> extends Command {
  static override enableJsonFlag = true;
  protected readonly warnings: string[] = [];

  abstract override run(): Promise<R>;

  /** Record a warning: printed to stderr in human mode, carried in the JSON envelope otherwise. */
  protected addWarning(message: string): void {
    this.warnings.push(message);
    if (!this.jsonEnabled()) process.stderr.write(`Warning: ${message}\n`);
  }

  /** Human-only progress/info line on stderr (stdout stays for results). */
  protected info(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${message}\n`);
  }

  override toSuccessJson(result: unknown): SuccessEnvelope<unknown> {
    return { status: 0, result, warnings: this.warnings };
  }

  override toErrorJson(err: unknown): ReturnType<AgentcoreError['toJSON']> {
    return toAgentcoreError(err, this.id).toJSON();
  }

  override async catch(err: Error & { exitCode?: number }): Promise<void> {
    const e = toAgentcoreError(err, this.id);
    process.exitCode = e.exitCode;
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(e));
      return;
    }
    const lines = [`Error (${e.code}): ${e.message}`, ...e.actions.map((a) => `  → ${a}`)];
    if (process.env.AGENTCORE_DEBUG === '1' && e.cause instanceof Error && e.cause.stack) lines.push(e.cause.stack);
    process.stderr.write(lines.join('\n') + '\n');
  }
}
