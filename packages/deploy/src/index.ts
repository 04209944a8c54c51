/**
 * @agentcore/deploy: put an agentcore project into AWS — credential providers through AgentCore Identity, code
 * zips into a staging bucket, one CloudFormation stack per project and target, deployed state for `invoke` and
 * the official CLI. The AWS SDK is imported only when `deploy`/`destroy`/`resolveSession` run.
 */
export * from './errors.js';
export { deploy, TEMPLATE_BODY_LIMIT, type DeployEvent, type DeployOptions, type DeployResult } from './deploy.js';
export { remoteStatus, type RemoteStatus, type RemoteStatusInput } from './remote.js';
export { destroy, type DestroyOptions, type DestroyResult, type DestroySummary } from './destroy.js';
export { resolveSession, type AwsSession, type SessionOptions } from './aws/session.js';
export { mapAwsError, deniedAction, redact } from './aws/errors.js';
export { unchangedLocally, parametersFor, outputsOf } from './outcome.js';
export {
  buildPlan,
  resourceHashes,
  providerNameFor,
  type CredentialInput,
  type DeployPlan,
  type PlanInput,
  type RuntimeInput,
} from './plan.js';
export { extendTemplate, secretParameterFor } from './roles.js';
export { authSnapshot, type AuthSnapshot, type TemplateNames } from './snapshot.js';
export { authChanges, buildReview, type Review, type ResourceChange } from './review.js';
export { readMeta, fingerprinter, META_KEY, type DeployMeta } from './state.js';
export { buildZip, type ZipEntry } from './zip.js';
export { collectFiles } from './files.js';
export { codeHash, stagingBucketName, stagingPrefix } from './assets.js';
export { stackNameFor, STACK_NAME_PATTERN, type Template } from './template.js';
export type { CredentialValues } from './identity.js';
export type { StackEvent } from './stack.js';
