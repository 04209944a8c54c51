import type { WizardStep } from '../wizard/types.js';
import type { ClaimsState } from './claims/claims-reducer.js';

/** Texts the step components show, read from the `interactive` message bundle by the app. */
export interface StepTexts {
  optional: string;
  yes: string;
  no: string;
  jsonOk: string;
  claimsEmpty: string;
  claimsDone: string;
  /** An option shown with its hint (`label — hint`). */
  withHint(label: string, hint: string): string;
}

/**
 * What every step component receives: state only. Steps draw; keys go to the wizard's key reducer (one at a time),
 * which edits the draft, moves the highlight and runs the claims manager.
 */
export interface StepProps {
  step: WizardStep;
  /** The text typed so far, or the highlighted option's value. */
  draft: string;
  /** Where typing goes in `draft`. */
  cursor: number;
  /** The claims manager of a `claims` step. */
  claims?: ClaimsState;
  error?: string;
  texts: StepTexts;
}
