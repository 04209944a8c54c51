/** Types of the lazily loaded `launch.js` module (type-only: importing this loads nothing). */
export type { WizardOutcome } from './wizard/types.js';
export type LaunchModule = typeof import('./launch.js');
