/**
 * Who and where a deploy runs as: credentials from the standard Node chain (environment, SSO, shared files,
 * process, container and instance metadata; `profile` picks a profile), the region from `region`, else the SDK's
 * own lookup (`AWS_REGION`, then the profile's `region`), the account from STS GetCallerIdentity. All of it is
 * checked before any change is made. The SDK is imported here, on first use only. `AWS_ENDPOINT_URL` (and the
 * per-service `AWS_ENDPOINT_URL_<SERVICE>`) are honoured by the SDK itself.
 */
import { createDeployError } from '../errors.js';
import { mapAwsError } from './errors.js';

type CredentialProvider = ReturnType<typeof import('@aws-sdk/credential-providers').fromNodeProviderChain>;

export interface SessionOptions {
  profile?: string;
  region?: string;
}

export interface AwsSession {
  region: string;
  account: string;
  /** ARN of the caller (user or assumed role). */
  callerArn: string;
  profile?: string;
  /** Client configuration every service client of this deploy is built from. */
  clientConfig: { region: string; credentials: CredentialProvider; maxAttempts: number };
}

export async function resolveSession(options: SessionOptions = {}): Promise<AwsSession> {
  const [{ fromNodeProviderChain }, sts] = await Promise.all([
    import('@aws-sdk/credential-providers'),
    import('@aws-sdk/client-sts'),
  ]);
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const probe = new sts.STSClient({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { region: options.region } : {}),
    credentials,
  });
  let region: string;
  try {
    region = await probe.config.region();
  } catch {
    region = '';
  }
  if (!region) {
    throw createDeployError(
      'ERR_DEPLOY_NO_REGION',
      'NoRegion',
      { profile: options.profile ?? 'default' },
      { profile: options.profile ?? null },
    );
  }
  try {
    await credentials();
  } catch (err) {
    throw mapAwsError(err, 'sts:GetCallerIdentity');
  }
  try {
    const id = await probe.send(new sts.GetCallerIdentityCommand({}));
    if (!id.Account || !id.Arn) throw new Error('GetCallerIdentity returned no account');
    const maxAttempts = 3;
    return {
      region,
      account: id.Account,
      callerArn: id.Arn,
      ...(options.profile ? { profile: options.profile } : {}),
      clientConfig: { region, credentials, maxAttempts },
    };
  } catch (err) {
    throw mapAwsError(err, 'sts:GetCallerIdentity');
  } finally {
    probe.destroy();
  }
}
