/**
 * Who and where a deploy runs as: credentials from the standard Node chain (environment, SSO, shared files,
 * process, container and instance metadata; `profile` picks a profile), the region from `region`, else the SDK's
 * own lookup (`AWS_REGION`, then the profile's `region`), the account from STS GetCallerIdentity. All of it is
 * checked before any change is made. The SDK is imported here, on first use only. `AWS_ENDPOINT_URL` (and the
 * per-service `AWS_ENDPOINT_URL_<SERVICE>`) are honoured by the SDK itself.
 *
 * {@link resolveContext} settles region and credentials without a network call to AWS and without loading a
 * service client (the credential chain and the SDK's config loader only — the same functions every client uses);
 * {@link callerIdentity} asks STS for the account. A no-op deploy needs only the first: the stack id it gets back
 * from DescribeStacks names the account.
 */
import { createDeployError } from '../errors.js';
import { deployMessages } from '../messages.js';
import { mapAwsError } from './errors.js';

type CredentialProvider = ReturnType<typeof import('@aws-sdk/credential-provider-node').defaultProvider>;

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
  const [{ defaultProvider }, config] = await Promise.all([
    import('@aws-sdk/credential-provider-node'),
    import('@smithy/core/config'),
  ]);
  const profile = options.profile ? { profile: options.profile } : {};
  const credentials = defaultProvider(profile);
  let region: string;
  try {
    // What a service client does with its `region` option: this value, else AWS_REGION, else the profile's.
    const lookup = config.loadConfig(config.NODE_REGION_CONFIG_OPTIONS, {
      ...config.NODE_REGION_CONFIG_FILE_OPTIONS,
      ...profile,
    });
    region = await config.resolveRegionConfig({ region: options.region ?? lookup, useFipsEndpoint: false }).region();
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
    if (!id.Account || !id.Arn) throw new Error(deployMessages().get('reason.noAccount'));
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
