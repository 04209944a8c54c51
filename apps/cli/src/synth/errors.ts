/** Coded errors of `agentcore synth` (the pure config → CloudFormation mapping). */
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

export type SynthErrorCode =
  /** A config combination CloudFormation (or this version) cannot express. */
  | 'ERR_SYNTH_UNSUPPORTED'
  /** A derived AWS name breaks AWS's length/pattern rules. */
  | 'ERR_SYNTH_NAME_INVALID'
  /** The auth type is configured but no installed strategy can emit CloudFormation for it. */
  | 'ERR_SYNTH_STRATEGY_MISSING'
  /** `--target` names no deploy target in deployed-state.json. */
  | 'ERR_SYNTH_TARGET_UNKNOWN';

export class SynthError extends AgentcoreError<SynthErrorCode> {
  constructor(code: SynthErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, options);
  }
}
