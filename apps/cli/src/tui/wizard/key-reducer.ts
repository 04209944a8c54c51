/**
 * Keys → wizard actions, one key at a time. Every key goes through here (text editing, option highlight, the claims
 * manager, the review), so keys that arrive together in one read act exactly as if typed one after another: after
 * an Enter, the next keys already belong to the next step.
 */
import { loadMessages } from '../../shared/messages.js';
import type { Key } from '../input/keys.js';
import { splitKeys } from '../input/keys.js';
import { editLine } from '../input/line-edit.js';
import { claimsKey } from '../steps/claims/claims-keys.js';
import { initClaims, type ClaimsState, type ClaimsTexts } from '../steps/claims/claims-reducer.js';
import { currentStep, isTextKind, wizardReducer, type WizardAction, type WizardState } from './reducer.js';
import type { WizardSpec, WizardStep } from './types.js';

const m = loadMessages('interactive');
const CLAIMS_TEXTS: ClaimsTexts = { required: m.get('error.Required'), pickOne: m.get('error.PickOne') };

/** The claims manager as the step shows it: its state once keys reached it, else the rules of the draft. */
export function claimsStateOf(step: WizardStep, state: WizardState): ClaimsState {
  return state.claims ?? initClaims(step.claims, state.draft);
}

/** Values of a select or confirm step's options, in the order shown. */
export function optionValues(step: WizardStep): string[] {
  return step.kind === 'confirm' ? ['true', 'false'] : (step.options ?? []).map((o) => o.value);
}

function selectKey(spec: WizardSpec, state: WizardState, step: WizardStep, key: Key): WizardState {
  if (key.name === 'enter') return wizardReducer(spec, state, { type: 'submit' });
  if (key.name !== 'up' && key.name !== 'down') return state;
  const values = optionValues(step);
  if (values.length === 0) return state;
  const at = Math.max(0, values.indexOf(state.draft));
  const next = (at + (key.name === 'up' ? values.length - 1 : 1)) % values.length;
  return wizardReducer(spec, state, { type: 'edit', value: values[next] ?? state.draft });
}

function textKey(spec: WizardSpec, state: WizardState, key: Key): WizardState {
  if (key.name === 'enter') return wizardReducer(spec, state, { type: 'submit' });
  const line = editLine({ value: state.draft, cursor: state.cursor ?? state.draft.length }, key);
  if (line.value === state.draft) return line.cursor === state.cursor ? state : { ...state, cursor: line.cursor };
  return wizardReducer(spec, state, { type: 'edit', value: line.value, cursor: line.cursor });
}

function claimsStepKey(spec: WizardSpec, state: WizardState, step: WizardStep, key: Key): WizardState {
  if (!step.claims) return key.name === 'escape' ? wizardReducer(spec, state, { type: 'back' }) : state;
  const r = claimsKey(step.claims, CLAIMS_TEXTS, claimsStateOf(step, state), key);
  if ('done' in r) return wizardReducer(spec, state, { type: 'submit', value: r.done });
  if ('back' in r) return wizardReducer(spec, state, { type: 'back' });
  return { ...state, claims: r.state };
}

/** The wizard after one key. */
export function wizardKey(spec: WizardSpec, state: WizardState, key: Key): WizardState {
  if (state.phase === 'done' || state.phase === 'cancelled') return state;
  if (key.name === 'ctrl-c') return wizardReducer(spec, state, { type: 'cancel' });
  if (state.phase === 'review') {
    if (key.name === 'enter') return wizardReducer(spec, state, { type: 'confirm' });
    return key.name === 'escape' ? wizardReducer(spec, state, { type: 'back' }) : state;
  }
  const step = currentStep(spec, state);
  if (!step) return state;
  if (step.kind === 'claims') return claimsStepKey(spec, state, step, key);
  if (key.name === 'escape') return wizardReducer(spec, state, { type: 'back' });
  return isTextKind(step) ? textKey(spec, state, key) : selectKey(spec, state, step, key);
}

/** Every key of a chunk in order (what a burst of keys in one read does). */
export function wizardChunk(spec: WizardSpec, state: WizardState, chunk: string): WizardState {
  return splitKeys(chunk).reduce((s, k) => wizardKey(spec, s, k), state);
}

export type WizardKeyAction = WizardAction | { type: 'key'; key: Key };

/** The reducer the app runs: plain wizard actions, and keys. */
export function wizardAppReducer(spec: WizardSpec, state: WizardState, action: WizardKeyAction): WizardState {
  return action.type === 'key' ? wizardKey(spec, state, action.key) : wizardReducer(spec, state, action);
}
