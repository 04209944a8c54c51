// Real AWS SDK clients pointed at a stand-in, as the deploy code configures them (static test credentials).
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STSClient } from '@aws-sdk/client-sts';
import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsStandIn } from '../types.js';

export function clients(aws: AwsStandIn, accessKeyId = 'AKIDTEST', region = 'us-east-1') {
  const common = { region, endpoint: aws.url, credentials: { accessKeyId, secretAccessKey: 'x' }, maxAttempts: 1 };
  return {
    cfn: new CloudFormationClient(common),
    sts: new STSClient(common),
    control: new BedrockAgentCoreControlClient(common),
    s3: new S3Client({ ...common, endpoint: aws.s3Url, forcePathStyle: true }),
  };
}

/** The error an SDK call rejects with (fails the test when it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { name: string };
  }
  throw new Error('expected the call to fail');
}
