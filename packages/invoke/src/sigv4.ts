/**
 * SigV4 signing for AWS_IAM runtimes (service `bedrock-agentcore`). The AWS modules are imported here, lazily,
 * so that bearer and local invocations never load them.
 */
import { InvokeError } from './errors.js';
import { invokeMessages } from './messages.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Static credentials or a provider; default: the AWS SDK's default chain (env, profile, SSO, IMDS…). */
export type AwsCredentialsInput = AwsCredentials | (() => Promise<AwsCredentials>);

export const SIGV4_SERVICE = 'bedrock-agentcore';

export interface SignRequestInput {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  region: string;
  credentials?: AwsCredentialsInput;
}

/** Returns the headers to send: the input ones plus host, x-amz-date, x-amz-security-token and authorization. */
export async function signSigV4(input: SignRequestInput): Promise<Record<string, string>> {
  const [{ SignatureV4 }, { Sha256 }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-crypto/sha256-js'),
  ]);
  const credentials = input.credentials ?? (await import('@aws-sdk/credential-provider-node')).defaultProvider();
  const url = new URL(input.url);
  const signer = new SignatureV4({ service: SIGV4_SERVICE, region: input.region, credentials, sha256: Sha256 });
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  try {
    const signed = await signer.sign({
      method: input.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers: { ...input.headers, host: url.host },
      body: input.body,
    });
    return signed.headers;
  } catch (err) {
    throw new InvokeError('ERR_INVOKE_SIGV4', invokeMessages().get('error.SigV4', { reason: (err as Error).message }), {
      actions: invokeMessages().list('error.SigV4.actions'),
      details: { region: input.region, service: SIGV4_SERVICE },
      cause: err,
    });
  }
}
