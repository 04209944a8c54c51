import type { WizardStep } from '../wizard/types.js';

/** Texts the step components show, read from the `interactive` message bundle by the app. */
export interface StepTexts {
  optional: string;
  yes: string;
  no: string;
  jsonOk: string;
  required: string;
  pickOne: string;
  claimsEmpty: string;
  claimsDone: string;
}

/** What every step component receives: state and callbacks only (it never validates). */
export interface StepProps {
  step: WizardStep;
  draft: string;
  error?: string;
  texts: StepTexts;
  onChange(value: string): void;
  onSubmit(value?: string): void;
  /** Go back one wizard step (steps with sub-steps handle Esc themselves and call this from their first one). */
  onBack(): void;
}
