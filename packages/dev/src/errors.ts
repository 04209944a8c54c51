/** Typed errors of the local emulators. Callers branch on `err.code`, never on the message. */
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

export type DevErrorCode =
  | 'ERR_DEV_NOTHING_TO_RUN'
  | 'ERR_DEV_RUNTIME_NOT_FOUND'
  | 'ERR_DEV_ENTRYPOINT'
  | 'ERR_DEV_AGENT_START'
  | 'ERR_DEV_PORT'
  | 'ERR_DEV_SESSION_ACTIVE'
  | 'ERR_DEV_ISSUER'
  | 'ERR_DEV_STRATEGY';

/** Raised by `startDev()` and its parts; every error carries the actions a user can take. */
export class DevError extends AgentcoreError<DevErrorCode> {
  constructor(code: DevErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, options);
  }
}
