/**
 * `AgentcoreCommandBase`: the base of every agentcore command — the CLI's own and a plugin's. It gives a command the
 * `--json` flag with the agentcore envelope, coded errors printed with their actions (usage errors exit 2) and
 * warnings collected for the envelope. A plugin command extends it and returns its result from `run()`.
 */
import { Command } from '@oclif/core';
import type { AgentcoreError } from '@agentcore/schema';
import {
  errorText,
  successEnvelope,
  toCodedError,
  warningLine,
  type FailureEnvelope,
  type SuccessEnvelope,
} from './envelope.js';

export abstract class AgentcoreCommandBase<R> extends Command {
  static override enableJsonFlag = true;
  protected readonly warnings: string[] = [];

  abstract override run(): Promise<R>;

  /**
   * Any thrown value → the coded error this command reports. Coded errors (from any package copy) pass through;
   * oclif's parse errors become `ERR_USAGE` (exit 2); anything else is an internal error of the command's plugin.
   */
  protected toCodedError(err: unknown): AgentcoreError {
    return toCodedError(err, { commandId: this.id, reportTo: this.ctor.plugin?.name });
  }

  /** Record a warning: printed to stderr in human mode, carried in the JSON envelope otherwise. */
  protected addWarning(message: string): void {
    this.warnings.push(message);
    if (!this.jsonEnabled()) process.stderr.write(warningLine(message));
  }

  /** Human-only progress/info line on stderr (stdout stays for results). */
  protected info(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${message}\n`);
  }

  override toSuccessJson(result: unknown): SuccessEnvelope<unknown> {
    return successEnvelope(result, this.warnings);
  }

  override toErrorJson(err: unknown): FailureEnvelope {
    return this.toCodedError(err).toJSON();
  }

  override async catch(err: Error & { exitCode?: number }): Promise<void> {
    const e = this.toCodedError(err);
    process.exitCode = e.exitCode;
    this.onError(e);
    if (this.jsonEnabled()) {
      this.logJson(e.toJSON());
      return;
    }
    process.stderr.write(errorText(e));
  }

  /** Called once with the error that ends the command, before it is printed. */
  protected onError(_error: AgentcoreError): void {}
}
