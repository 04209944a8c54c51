import { AgentcoreError } from '@agentcore/schema';

export type AuthErrorCode =
  | 'ERR_STRATEGY_INVALID'
  | 'ERR_STRATEGY_DUPLICATE'
  | 'ERR_STRATEGY_CONTRACT'
  | 'ERR_STRATEGY_UNKNOWN'
  | 'ERR_STRATEGY_LOCAL_ONLY'
  | 'ERR_CREDENTIAL_LOCAL_ONLY'
  | 'ERR_FLAG_COLLISION'
  | 'ERR_DISCOVERY'
  | 'ERR_TOKEN_REQUEST'
  | 'ERR_TOKEN_RESPONSE'
  | 'ERR_CREDENTIAL_MISSING'
  | 'ERR_JWKS';

/** Errors of the strategy registry, discovery and the token client. */
export class AuthError extends AgentcoreError<AuthErrorCode> {}
