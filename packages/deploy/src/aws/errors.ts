/** AWS SDK failures → coded deploy errors. AWS error messages name actions and resources, never credentials. */
import { createDeployError, type DeployError } from '../errors.js';

interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
const INVALID_CREDENTIALS = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch']);

/** `iam:PassRole` from "... is not authorized to perform: iam:PassRole on resource: ...". */
export function deniedAction(message: string | undefined): string | undefined {
  return /not authorized to perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(message ?? '')?.[1];
}

/** Replace every occurrence of the given secret values (longest first) in a text that came back from AWS. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].filter((x) => x.length > 0).sort((a, b) => b.length - a.length))
    out = out.split(s).join('***');
  return out;
}

/**
 * `action` is the IAM action of the call (`cloudformation:CreateChangeSet`), named when AWS's message does not.
 * `secrets` are removed from AWS's message before it is shown.
 */
export function mapAwsError(err: unknown, action: string, secrets: readonly string[] = []): DeployError {
  if (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    String((err as { code: unknown }).code).startsWith('ERR_DEPLOY_')
  )
    return err as DeployError;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkError;
  const name = e.name ?? e.Code ?? '';
  const message = redact(e.message ?? String(err), secrets);
  const status = e.$metadata?.httpStatusCode;
  const details = {
    action,
    ...(name ? { awsError: name } : {}),
    ...(status ? { httpStatus: status } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
  };
  if (name === 'CredentialsProviderError' || INVALID_CREDENTIALS.has(name)) {
    if (/expired/i.test(message))
      return createDeployError('ERR_DEPLOY_CREDENTIALS_EXPIRED', 'Expired', {}, details, err);
    return createDeployError('ERR_DEPLOY_NO_CREDENTIALS', 'NoCredentials', { reason: message }, details, err);
  }
  if (EXPIRED.has(name)) return createDeployError('ERR_DEPLOY_CREDENTIALS_EXPIRED', 'Expired', {}, details, err);
  if (DENIED.has(name) || status === 403) {
    const denied = deniedAction(message) ?? action;
    return createDeployError(
      'ERR_DEPLOY_ACCESS_DENIED',
      'AccessDenied',
      { action: denied },
      { ...details, action: denied },
      err,
    );
  }
  return createDeployError('ERR_DEPLOY_AWS', 'Aws', { action, reason: message }, details, err);
}
