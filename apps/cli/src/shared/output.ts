/**
 * How results, warnings and errors are shown: one definition for oclif commands (AgentcoreCommand) and the
 * cold-start runner (src/fast/lite.ts), so the two can never drift apart.
 */
import { redactUrlsInText, type AgentcoreError } from '@agentcore/schema';

export interface SuccessEnvelope<R> {
  status: 0;
  result: R;
  warnings: string[];
}

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
