import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';
import { messages } from './messages.js';

export type CustomJwtErrorCode =
  | 'ERR_CUSTOM_JWT_AWS_SHAPE_INVALID'
  | 'ERR_USAGE'
  | 'ERR_NOT_FOUND'
  | 'ERR_INVALID_INPUT'
  | 'ERR_NOT_CUSTOM_JWT'
  | 'ERR_INTERNAL';

/** Errors of the CUSTOM_JWT strategy and its commands. Never carries a token signature or a secret. */
export class CustomJwtError extends AgentcoreError<CustomJwtErrorCode> {
  constructor(code: CustomJwtErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, { exitCode: code === 'ERR_USAGE' ? 2 : 1, ...options });
  }
}

/** Build a coded error from `error.<Name>` / `error.<Name>.actions` of the strategy bundle. */
export function createAwsShapeError(details: Record<string, unknown> = {}): CustomJwtError {
  return new CustomJwtError('ERR_CUSTOM_JWT_AWS_SHAPE_INVALID', messages.get('error.AwsShapeInvalid'), {
    actions: messages.list('error.AwsShapeInvalid.actions'),
    details,
  });
}
