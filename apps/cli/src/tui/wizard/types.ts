/** The wizard's data model: steps built from a spec (core questions + the chosen strategy's prompts), answers as flag values. */
import type { ClaimsPromptSpec, InputProblem, StrategyPrompt } from '@agentcore/auth';

export type StepKind = StrategyPrompt['kind'];
export type Answer = string | readonly string[] | boolean;
export type Answers = Readonly<Record<string, Answer | undefined>>;

export interface StepOption {
  value: string;
  label: string;
  hint?: string;
}

/** One question. Its answer becomes the value of `flag`, exactly as if `--flag` had been given. */
export interface WizardStep {
  /** Unique within the plan (a flag may be asked by two mutually exclusive steps). */
  key: string;
  flag: string;
  kind: StepKind;
  message: string;
  hint?: string;
  options?: readonly StepOption[];
  optional?: boolean;
  initial?: string;
  validate?: (value: string) => string | undefined;
  /** For `claims` steps: the strategy's claim choices, field checks and encoding. */
  claims?: ClaimsPromptSpec;
  /** Not a flag: an answer that only steers the plan (e.g. "template or my own code"); dropped from the result. */
  internal?: boolean;
}

/** A command's wizard: the questions for the answers so far, and a last check through the real code path. */
export interface WizardSpec {
  id: string;
  title: string;
  /** Steps for the answers so far (`when` already applied). Must only depend on answers of earlier steps. */
  plan(answers: Answers): readonly WizardStep[];
  /** Problems the operation would report (e.g. the strategy's `fromFlags`), shown at the step of their flag. */
  check?(answers: Answers): readonly InputProblem[];
}

export type WizardOutcome = { status: 'done'; answers: Record<string, Answer> } | { status: 'cancelled' };
