/** One component per step kind: the app looks the component up, no `isXxxStep` flags. */
import type { FunctionComponent } from 'react';
import type { StepKind } from '../wizard/types.js';
import { ClaimsStep } from './claims/ClaimsStep.js';
import { SelectStep } from './SelectStep.js';
import { TextStep } from './TextStep.js';
import type { StepProps } from './types.js';

export const STEP_COMPONENTS: Readonly<Record<StepKind, FunctionComponent<StepProps>>> = {
  text: TextStep,
  secret: TextStep,
  list: TextStep,
  json: TextStep,
  select: SelectStep,
  confirm: SelectStep,
  claims: ClaimsStep,
};
