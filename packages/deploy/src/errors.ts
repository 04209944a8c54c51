/** Coded errors of @agentcore/deploy. Callers branch on `code`; every error carries actions. No secret values. */
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';
import { deployMessages } from './messages.js';

export type DeployErrorCode =
  /** The standard credential chain found no credentials (or the named profile does not exist). */
  | 'ERR_DEPLOY_NO_CREDENTIALS'
  /** No region from `--region`, `AWS_REGION` or the profile. */
  | 'ERR_DEPLOY_NO_REGION'
  /** The credentials are expired (session token or SSO session). */
  | 'ERR_DEPLOY_CREDENTIALS_EXPIRED'
  /** AWS refused an action; `details.action` names it when AWS did. */
  | 'ERR_DEPLOY_ACCESS_DENIED'
  /** Any other AWS failure (throttling, validation, network). */
  | 'ERR_DEPLOY_AWS'
  /** A credential's value is not in `.env.local`. */
  | 'ERR_DEPLOY_SECRET_MISSING'
  /** A Container runtime without `--image-uri`. */
  | 'ERR_DEPLOY_IMAGE_REQUIRED'
  /** The project name does not make a valid CloudFormation stack name. */
  | 'ERR_DEPLOY_STACK_NAME_INVALID'
  /** The stack is in the middle of another operation. */
  | 'ERR_DEPLOY_STACK_BUSY'
  /** The stack operation failed (and rolled back). */
  | 'ERR_DEPLOY_STACK_FAILED'
  /** A config this deploy cannot carry out (e.g. a policy engine it does not create). */
  | 'ERR_DEPLOY_UNSUPPORTED'
  /** `destroy` (or a status lookup) on a project without deployed state for the target. */
  | 'ERR_DEPLOY_NOT_DEPLOYED'
  /** A code location cannot be read or zipped. */
  | 'ERR_DEPLOY_ASSET';

export class DeployError extends AgentcoreError<DeployErrorCode> {
  constructor(code: DeployErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, options);
  }
}

/** A coded error whose message and actions come from `error.<key>` / `error.<key>.actions` of messages/deploy.md. */
export function createDeployError(
  code: DeployErrorCode,
  key: string,
  values: Readonly<Record<string, string | number>> = {},
  details: Record<string, unknown> = {},
  cause?: unknown,
): DeployError {
  return new DeployError(code, deployMessages().get(`error.${key}`, values), {
    actions: deployMessages().list(`error.${key}.actions`, values),
    details,
    ...(cause === undefined ? {} : { cause }),
  });
}
