/** Coded errors of `agentcore synth` (the pure config → CloudFormation mapping). */
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';
import { loadMessages } from '../shared/messages.js';

/** Texts of `agentcore synth` (messages/synth.md), shared by the command and the pure mappers. */
export const synthMessages = loadMessages('synth');

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

/** A coded error whose message and actions come from `error.<key>` / `error.<key>.actions` of messages/synth.md. */
export function createSynthError(
  code: SynthErrorCode,
  key: string,
  values: Readonly<Record<string, string | number>>,
  details: Record<string, unknown> = {},
): SynthError {
  return new SynthError(code, synthMessages.get(`error.${key}`, values), {
    actions: synthMessages.list(`error.${key}.actions`, values),
    details,
  });
}
