/**
 * Who and where a deploy runs as: credentials from the standard Node chain (environment, SSO, shared files,
 * process, container and instance metadata; `profile` picks a profile), the region from `region`, else the SDK's
 * own lookup (`AWS_REGION`, then the profile's `region`), the account from STS GetCallerIdentity. All of it is
 * checked before any change is made. The SDK is imported here, on first use only. `AWS_ENDPOINT_URL` (and the
 * per-service `AWS_ENDPOINT_URL_<SERVICE>`) are honoured by the SDK itself.
 *
 * {@link resolveContext} settles region and credentials without a network call to AWS; {@link callerIdentity}
 * asks STS for the account. A no-op deploy needs only the first: the stack id it gets back from DescribeStacks
 * names the account.
 */
import { createDeployError } from '../errors.js';
import { mapAwsError } from './errors.js';

type CredentialProvider = ReturnType<typeof import('@aws-sdk/credential-providers').fromNodeProviderChain>;

export interface SessionOptions {
  profile?: string;
  region?: string;
}

export interface AwsContext {
  region: string;
  profile?: string;
  /** Client configuration every service client of this deploy is built from. */
  clientConfig: { region: string; credentials: CredentialProvider; maxAttempts: number };
}

export interface AwsSession extends AwsContext {
  account: string;
  /** ARN of the caller (user or assumed role). */
  callerArn: string;
}

/** Region and credentials, both checked (credentials are resolved once); no call to an AWS service. */
export async function resolveContext(options: SessionOptions = {}): Promise<AwsContext> {
  const [{ fromNodeProviderChain }, cfn] = await Promise.all([
    import('@aws-sdk/credential-providers'),
    import('@aws-sdk/client-cloudformation'),
  ]);
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  // Any client resolves the region the SDK's way; CloudFormation's is needed by every deploy anyway.
  const probe = new cfn.CloudFormationClient({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.region ? { region: options.region } : {}),
    credentials,
  });
  let region: string;
  try {
    region = await probe.config.region();
  } catch {
    region = '';
  } finally {
    probe.destroy();
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
  return {
    region,
    ...(options.profile ? { profile: options.profile } : {}),
    clientConfig: { region, credentials, maxAttempts: 3 },
  };
}

/** The account and caller ARN, from STS GetCallerIdentity. */
export async function callerIdentity(context: AwsContext): Promise<AwsSession> {
  const sts = await import('@aws-sdk/client-sts');
  const client = new sts.STSClient(context.clientConfig);
  try {
    const id = await client.send(new sts.GetCallerIdentityCommand({}));
    if (!id.Account || !id.Arn) throw new Error('GetCallerIdentity returned no account');
    return { ...context, account: id.Account, callerArn: id.Arn };
  } catch (err) {
    throw mapAwsError(err, 'sts:GetCallerIdentity');
  } finally {
    client.destroy();
  }
}

export async function resolveSession(options: SessionOptions = {}): Promise<AwsSession> {
  return callerIdentity(await resolveContext(options));
}
