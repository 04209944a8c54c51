/**
 * Drives a wizard with keystrokes from a table of answers (ink-testing-library): types text, moves the selection
 * with arrow keys, confirms the review. Also turns the same answers into command-line flags for the binary.
 */
import { render } from 'ink-testing-library';
import { StrategyRegistry } from '@agentcore/auth';
import { customJwtStrategy } from '@agentcore/auth-custom-jwt';
import { apiKeyStrategy } from '@agentcore/auth-apikey';
import { oauthStrategy } from '@agentcore/auth-oauth';
import { WizardApp } from '../src/tui/wizard/WizardApp.js';
import type { Answer, WizardOutcome, WizardSpec, WizardStep } from '../src/tui/wizard/types.js';

export const ENTER = '\r';
export const DOWN = '\u001B[B';
export const UP = '\u001B[A';
export const ESC = '\u001B';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';

export const tick = (ms = 25) => new Promise((r) => setTimeout(r, ms));

/** The registry the built binary has: the three core strategy plugins, in `oclif.plugins` order. */
export function coreRegistry(): StrategyRegistry {
  return new StrategyRegistry()
    .register(customJwtStrategy, { packageName: '@agentcore/auth-custom-jwt' })
    .register(apiKeyStrategy, { packageName: '@agentcore/auth-apikey' })
    .register(oauthStrategy, { packageName: '@agentcore/auth-oauth' });
}

export type CaseAnswers = Readonly<Record<string, Answer>>;

/** Arrow keys from the highlighted option (`from`, default the first) to `to`, then Enter. */
function selectKeys(values: readonly string[], to: string, from?: string): string[] {
  const start = Math.max(0, values.indexOf(from ?? values[0] ?? ''));
  const target = values.indexOf(to);
  if (target < 0) throw new Error(`${to} is not one of ${values.join(', ')}`);
  const moves = target - start;
  return [...Array<string>(Math.abs(moves)).fill(moves > 0 ? DOWN : UP), ENTER];
}

/** A claims step: add each rule of the encoded answer (a, name, type, operator, values), then Enter on "done". */
function claimsKeys(step: WizardStep, answer: Answer | undefined): string[] {
  const spec = step.claims;
  if (!spec) throw new Error(`${step.flag}: claims step without its spec`);
  const rules = typeof answer === 'string' ? spec.decode(answer) : [];
  return [
    ...rules.flatMap((r) => [
      'a',
      r.name,
      ENTER,
      ...selectKeys(
        spec.valueTypes.map((o) => o.value),
        r.valueType,
      ),
      ...selectKeys(
        spec.operators(r.valueType).map((o) => o.value),
        r.operator,
      ),
      r.values.join(', '),
      ENTER,
    ]),
    ENTER,
  ];
}

/** Keystrokes that answer `step` with `answer` (undefined: accept what is shown / skip). */
function keysFor(step: WizardStep, answer: Answer | undefined): string[] {
  if (step.kind === 'claims') return claimsKeys(step, answer);
  if (step.kind === 'select' || step.kind === 'confirm') {
    const values = step.kind === 'confirm' ? ['true', 'false'] : (step.options ?? []).map((o) => o.value);
    const start = Math.max(0, values.indexOf(step.initial ?? values[0] ?? ''));
    const target = answer === undefined ? start : values.indexOf(String(answer));
    if (target < 0) throw new Error(`${String(answer)} is not an option of ${step.flag}: ${values.join(', ')}`);
    const moves = target - start;
    return [...Array<string>(Math.abs(moves)).fill(moves > 0 ? DOWN : UP), ENTER];
  }
  if (answer === undefined) return [ENTER];
  const text = Array.isArray(answer) ? answer.join(', ') : String(answer);
  // A default is only a hint: typing starts from empty.
  return [text, ENTER];
}

export interface DriveResult {
  outcome: WizardOutcome;
  frames: string[];
  /** Flags of the steps the wizard asked, in order. */
  asked: string[];
}

/** Answer every step from `answers`, confirm the review, and return what the wizard resolved with. */
export async function driveWizard(
  spec: WizardSpec,
  answers: CaseAnswers,
  scripts: Readonly<Record<string, readonly string[]>> = {},
  maxSteps = 40,
): Promise<DriveResult> {
  let step: WizardStep | undefined;
  let outcome: WizardOutcome | undefined;
  const asked: string[] = [];
  const app = render(<WizardApp spec={spec} onExit={(o) => (outcome = o)} onStep={(s) => (step = s)} />);
  const frames: string[] = [];
  try {
    await tick();
    for (let i = 0; i < maxSteps && !outcome; i++) {
      frames.push(app.lastFrame() ?? '');
      const keys = step ? (scripts[step.flag] ?? keysFor(step, answers[step.flag])) : [ENTER];
      if (step) asked.push(step.flag);
      for (const k of keys) {
        app.stdin.write(k);
        await tick();
      }
      await tick();
    }
    if (!outcome) throw new Error(`wizard did not finish; frames:\n${frames.join('\n----\n')}`);
    return { outcome, frames, asked };
  } finally {
    app.unmount();
  }
}

/** The same answers as command-line flags (internal steering answers such as `source` are not flags). */
export function answersToArgv(answers: CaseAnswers, internal: readonly string[] = ['source']): string[] {
  return Object.entries(answers).flatMap(([k, v]) => {
    if (internal.includes(k)) return [];
    if (typeof v === 'boolean') return [v ? `--${k}` : `--no-${k}`];
    return [`--${k}`, Array.isArray(v) ? v.join(',') : String(v)];
  });
}
