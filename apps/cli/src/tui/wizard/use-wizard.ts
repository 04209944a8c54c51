/** React glue for the wizard reducer: state, the current step, what was answered (secrets masked) and the actions. */
import { useEffect, useReducer, useRef } from 'react';
import {
  answerText,
  currentStep,
  initWizard,
  resultAnswers,
  visibleSteps,
  wizardReducer,
  type WizardState,
} from './reducer.js';
import { maskSecret } from './mask.js';
import type { Answers, WizardOutcome, WizardSpec, WizardStep } from './types.js';

export interface AnsweredStep {
  key: string;
  message: string;
  /** The answer as shown: secrets masked, lists comma-joined, skipped optional steps empty. */
  text: string;
}

export interface WizardModel {
  state: WizardState;
  step?: WizardStep;
  answered: readonly AnsweredStep[];
  edit(value: string): void;
  submit(value?: string): void;
  back(): void;
  confirm(): void;
  cancel(): void;
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

export function useWizard(spec: WizardSpec, preset: Answers, onExit: (outcome: WizardOutcome) => void): WizardModel {
  const [state, dispatch] = useReducer(
    (s: WizardState, a: Parameters<typeof wizardReducer>[2]) => wizardReducer(spec, s, a),
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
    .map((s) => ({ key: s.key, message: s.message, text: shownAnswer(s, state.answers) }));
  return {
    state,
    step: currentStep(spec, state),
    answered,
    edit: (value) => dispatch({ type: 'edit', value }),
    submit: (value) => dispatch(value === undefined ? { type: 'submit' } : { type: 'submit', value }),
    back: () => dispatch({ type: 'back' }),
    confirm: () => dispatch({ type: 'confirm' }),
    cancel: () => dispatch({ type: 'cancel' }),
  };
}
