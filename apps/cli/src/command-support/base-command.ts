/**
 * Base of every agentcore command: the plugin kit's base command (`--json` with one envelope, typed errors with
 * actions, warnings collected) plus usage telemetry and the handler host.
 * Success: `{status: 0, result, warnings}`. Failure: `{name, code, message, actions, details, exitCode}`.
 */
import type { SafeAttributes } from '@agentcore/auth';
import { AgentcoreCommandBase } from '@agentcore/plugin-kit/command';
import type { AgentcoreError } from '@agentcore/schema';
import type { AttributeValue, SafeAttrs } from '@agentcore/telemetry';
import type { CommandHost } from '../shared/command-host.js';
import { toAgentcoreError } from '../shared/errors.js';
import { loadRegistry } from '../shared/strategies.js';
import { commandTelemetrySource, emitCommandTelemetry } from './telemetry.js';

export type { SuccessEnvelope } from './output.js';

export abstract class AgentcoreCommand<R> extends AgentcoreCommandBase<R> {
  /** Usage-telemetry attributes of this run (docs/telemetry.md); sent only if the user opted in. */
  private readonly telemetryAttributes: Record<string, unknown> = {};
  private telemetryErrorCode?: string;

  abstract override run(): Promise<R>;

  /**
   * Hand safe attributes to this run's telemetry event. Checked at compile time: booleans, counts and literal
   * enum strings under snake_case keys (a `string`-typed value does not compile). Checked again at run time.
   */
  protected recordTelemetry<const T extends Record<string, AttributeValue>>(attrs: T & SafeAttrs<T>): void {
    Object.assign(this.telemetryAttributes, attrs);
  }

  /** Attributes computed at run time (e.g. a strategy's `telemetry()`): invalid ones are dropped before recording. */
  protected recordStrategyTelemetry(attrs: SafeAttributes | undefined): void {
    Object.assign(this.telemetryAttributes, attrs);
  }

  /** Attributes worked out only when telemetry is enabled, after the command's output (override in subclasses). */
  protected async collectTelemetry(_result: unknown): Promise<SafeAttributes | undefined> {
    return undefined;
  }

  /** Runs the command as oclif does, then (after its output) records the telemetry event if the user opted in. */
  protected override async _run<T>(): Promise<T> {
    const startedAt = Date.now();
    const t0 = performance.now();
    let result: T | undefined;
    try {
      result = await super._run<T>();
      return result;
    } finally {
      await emitCommandTelemetry({
        command: commandTelemetrySource(this),
        startedAt,
        durationMs: performance.now() - t0,
        errorCode: this.telemetryErrorCode,
        attributes: this.telemetryAttributes,
        collect: () => this.collectTelemetry(result),
      }).catch(() => undefined);
    }
  }

  /** This command as the host of a handler (src/handlers), which the cold-start runner can also run. */
  protected host(): CommandHost {
    return {
      json: this.jsonEnabled(),
      log: (message) => this.log(message),
      addWarning: (message) => this.addWarning(message),
      loadStrategies: () => loadRegistry(this.config),
    };
  }

  protected override toCodedError(err: unknown): AgentcoreError {
    return toAgentcoreError(err, this.id);
  }

  protected override onError(error: AgentcoreError): void {
    this.telemetryErrorCode = error.code;
  }
}
