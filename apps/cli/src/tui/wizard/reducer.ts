/**
 * The wizard as a pure reducer: which step is asked, what was answered, going back, and the final check. Components
 * only render this state and dispatch actions; every rule (required, `validate`, option lists) is applied here.
 */
import { loadMessages } from '../../shared/messages.js';
import type { ClaimsState } from '../steps/claims/claims-reducer.js';
import type { Answer, Answers, WizardSpec, WizardStep } from './types.js';

const m = loadMessages('interactive');

export type WizardPhase = 'asking' | 'review' | 'done' | 'cancelled';

export interface WizardState {
  /** Every answer so far, the command-line values included. */
  answers: Readonly<Record<string, Answer>>;
  /** Flags given on the command line: never asked, never undone by going back. */
  preset: readonly string[];
  /** Keys of the answered steps, in order (the way back). */
  trail: readonly string[];
  /** What the current step shows: the text typed so far, or the highlighted option's value. */
  draft: string;
  /** Where typing goes in `draft` (undefined: at its end). */
  cursor?: number;
  /** The claims manager of a `claims` step, once a key reached it (before that: the rules of `draft`). */
  claims?: ClaimsState;
  error?: string;
  phase: WizardPhase;
  /** Drafts of steps left by going back, so going forward again shows them. */
  previous: Readonly<Record<string, string>>;
}

export type WizardAction =
  | { type: 'edit'; value: string; cursor?: number }
  | { type: 'submit'; value?: string }
  | { type: 'back' }
  | { type: 'confirm' }
  | { type: 'cancel' };

/** Steps still to be asked for these answers (command-line flags are never asked). */
export function visibleSteps(spec: WizardSpec, state: Pick<WizardState, 'answers' | 'preset'>): readonly WizardStep[] {
  return spec.plan(state.answers).filter((s) => !state.preset.includes(s.flag));
}

export function currentStep(spec: WizardSpec, state: WizardState): WizardStep | undefined {
  return state.phase === 'asking' ? visibleSteps(spec, state)[state.trail.length] : undefined;
}

/** An answer shown as text again (lists comma-joined). */
export function answerText(answer: Answer | undefined): string {
  if (answer === undefined) return '';
  if (typeof answer === 'boolean') return String(answer);
  return typeof answer === 'string' ? answer : answer.join(', ');
}

/** Steps answered by typing a line (their `initial` is a hint, not text to edit). */
export const isTextKind = (step: WizardStep) =>
  step.kind === 'text' || step.kind === 'secret' || step.kind === 'list' || step.kind === 'json';

/** What a step starts with: the draft left by going back, else the default option; text starts empty. */
function draftFor(step: WizardStep | undefined, previous: Readonly<Record<string, string>>): string {
  if (!step) return '';
  const kept = previous[step.key];
  if (kept !== undefined) return kept;
  if (isTextKind(step) || step.kind === 'claims') return '';
  return step.initial ?? (step.kind === 'confirm' ? 'true' : (step.options?.[0]?.value ?? ''));
}

/** Turn what was typed or picked into the flag value, or say why not. */
export function parseAnswer(
  step: WizardStep,
  raw: string,
): { ok: true; value: Answer | undefined } | { ok: false; error: string } {
  if (step.kind === 'confirm') return { ok: true, value: raw === 'true' };
  if (step.kind === 'select') {
    if (!step.options?.some((o) => o.value === raw)) return { ok: false, error: m.get('error.PickOne') };
    return { ok: true, value: raw };
  }
  // An empty answer takes the step's default (shown as a hint while nothing is typed).
  const typed = step.kind === 'secret' ? raw : raw.trim();
  const text = typed === '' && step.initial !== undefined ? step.initial : typed;
  if (text === '')
    return step.optional ? { ok: true, value: undefined } : { ok: false, error: m.get('error.Required') };
  const issue = step.validate?.(text);
  if (issue) return { ok: false, error: issue };
  if (step.kind === 'list')
    return {
      ok: true,
      value: text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  return { ok: true, value: text };
}

function withAnswer(
  answers: Readonly<Record<string, Answer>>,
  flag: string,
  value: Answer | undefined,
): Record<string, Answer> {
  const next = { ...answers };
  if (value === undefined) delete next[flag];
  else next[flag] = value;
  return next;
}

/** Move on from `state` (whose answers are already updated) to its next step, or to the review. */
function advance(spec: WizardSpec, state: WizardState): WizardState {
  const next = visibleSteps(spec, state)[state.trail.length];
  return next
    ? {
        ...state,
        phase: 'asking',
        draft: draftFor(next, state.previous),
        cursor: undefined,
        claims: undefined,
        error: undefined,
      }
    : { ...state, phase: 'review', draft: '', cursor: undefined, claims: undefined, error: undefined };
}

export function initWizard(spec: WizardSpec, preset: Answers = {}): WizardState {
  const answers: Record<string, Answer> = {};
  for (const [k, v] of Object.entries(preset)) if (v !== undefined) answers[k] = v;
  return advance(spec, { answers, preset: Object.keys(answers), trail: [], draft: '', phase: 'asking', previous: {} });
}

/** Undo steps back to (and including) position `index` of the trail. */
function rewind(spec: WizardSpec, state: WizardState, index: number, error?: string): WizardState {
  const steps = visibleSteps(spec, state);
  let answers = state.answers;
  const previous = { ...state.previous };
  for (let i = state.trail.length - 1; i >= index; i--) {
    const step = steps[i];
    if (!step) continue;
    const text = answerText(answers[step.flag]);
    // A default taken by an empty Enter comes back as the hint again, not as text to edit.
    previous[step.key] = isTextKind(step) && text === step.initial ? '' : text || (previous[step.key] ?? '');
    answers = withAnswer(answers, step.flag, undefined);
  }
  const trail = state.trail.slice(0, index);
  const step = visibleSteps(spec, { answers, preset: state.preset })[index];
  const draft = draftFor(step, previous);
  return { ...state, answers, trail, previous, phase: 'asking', draft, cursor: undefined, claims: undefined, error };
}

export function wizardReducer(spec: WizardSpec, state: WizardState, action: WizardAction): WizardState {
  if (state.phase === 'done' || state.phase === 'cancelled') return state;
  switch (action.type) {
    case 'cancel':
      return { ...state, phase: 'cancelled' };
    case 'edit': {
      const step = currentStep(spec, state);
      const live =
        step?.kind === 'json' && action.value.trim() !== '' ? step.validate?.(action.value.trim()) : undefined;
      return { ...state, draft: action.value, cursor: action.cursor, error: live };
    }
    case 'submit': {
      const step = currentStep(spec, state);
      if (!step) return state;
      const raw = action.value ?? state.draft;
      const parsed = parseAnswer(step, raw);
      if (!parsed.ok) return { ...state, draft: raw, error: parsed.error };
      return advance(spec, {
        ...state,
        answers: withAnswer(state.answers, step.flag, parsed.value),
        trail: [...state.trail, step.key],
      });
    }
    case 'back':
      if (state.trail.length === 0) return { ...state, phase: 'cancelled' };
      return rewind(spec, state, state.trail.length - 1);
    case 'confirm': {
      if (state.phase !== 'review') return state;
      const problems = spec.check?.(state.answers) ?? [];
      const first = problems[0];
      if (!first) return { ...state, phase: 'done', error: undefined };
      const steps = visibleSteps(spec, state);
      const index = steps.findIndex((s, i) => i < state.trail.length && s.flag === first.flag);
      return index >= 0 ? rewind(spec, state, index, first.message) : { ...state, error: first.message };
    }
  }
}

/** The answers handed to the command: flag values only (internal steering answers dropped). */
export function resultAnswers(spec: WizardSpec, state: WizardState): Record<string, Answer> {
  const internal = new Set(
    spec
      .plan(state.answers)
      .filter((s) => s.internal)
      .map((s) => s.flag),
  );
  return Object.fromEntries(Object.entries(state.answers).filter(([k]) => !internal.has(k)));
}
