/** React glue for the wizard reducer: state, the current step, what was answered (secrets masked) and the actions. */
import { useEffect, useReducer, useRef } from 'react';
import type { Key } from '../input/keys.js';
import { ruleText } from '../steps/claims/claims-reducer.js';
import { wizardAppReducer, type WizardKeyAction } from './key-reducer.js';
import { answerText, currentStep, initWizard, resultAnswers, visibleSteps, type WizardState } from './reducer.js';
import { maskSecret } from './mask.js';
import type { Answers, WizardOutcome, WizardSpec, WizardStep } from './types.js';

export interface AnsweredStep {
  key: string;
  message: string;
  /** The answer as shown: secrets masked, lists comma-joined, claim rules by name, skipped optional steps empty. */
  text: string;
  /** For the review, an answer shown in full over several lines (one per custom-claim rule). */
  lines?: readonly string[];
}

export interface WizardModel {
  state: WizardState;
  step?: WizardStep;
  answered: readonly AnsweredStep[];
  /** Apply one key (keys of one read are applied one by one, in order). */
  key(key: Key): void;
}

export function shownAnswer(step: WizardStep, answers: Answers): string {
  const text = answerText(answers[step.flag]);
  if (step.kind === 'secret') return maskSecret(text);
  if (step.kind === 'claims' && step.claims && text !== '')
    return step.claims
      .decode(text)
      .map((r) => r.name)
      .join(', ');
  if (step.kind === 'select') return step.options?.find((o) => o.value === text)?.label ?? text;
  return text;
}

/** The answer line by line for the review: every custom-claim rule in full; other answers need no more lines. */
export function shownLines(step: WizardStep, answers: Answers): readonly string[] | undefined {
  const text = answerText(answers[step.flag]);
  if (step.kind !== 'claims' || !step.claims || text === '') return undefined;
  return step.claims.decode(text).map(ruleText);
}

export function useWizard(spec: WizardSpec, preset: Answers, onExit: (outcome: WizardOutcome) => void): WizardModel {
  const [state, dispatch] = useReducer(
    (s: WizardState, a: WizardKeyAction) => wizardAppReducer(spec, s, a),
    undefined,
    () => initWizard(spec, preset),
  );
  const exited = useRef(false);
  useEffect(() => {
    if (exited.current || (state.phase !== 'done' && state.phase !== 'cancelled')) return;
    exited.current = true;
    onExit(state.phase === 'done' ? { status: 'done', answers: resultAnswers(spec, state) } : { status: 'cancelled' });
  }, [state, spec, onExit]);
  const answered = visibleSteps(spec, state)
    .slice(0, state.trail.length)
    .map((s) => {
      const lines = shownLines(s, state.answers);
      return { key: s.key, message: s.message, text: shownAnswer(s, state.answers), ...(lines ? { lines } : {}) };
    });
  return {
    state,
    step: currentStep(spec, state),
    answered,
    key: (key) => dispatch({ type: 'key', key }),
  };
}
