/** The service clients of one deploy, created (and their SDK modules imported) on first use. */
import type { AwsContext } from './session.js';

type Cfn = typeof import('@aws-sdk/client-cloudformation');
type S3 = typeof import('@aws-sdk/client-s3');
type Control = typeof import('@aws-sdk/client-bedrock-agentcore-control');

export interface AwsClients {
  cfn(): Promise<{ sdk: Cfn; client: InstanceType<Cfn['CloudFormationClient']> }>;
  s3(): Promise<{ sdk: S3; client: InstanceType<S3['S3Client']> }>;
  control(): Promise<{ sdk: Control; client: InstanceType<Control['BedrockAgentCoreControlClient']> }>;
  destroy(): void;
}

export function s3EndpointOverridden(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
}

export function awsClients(session: AwsContext): AwsClients {
  const config = session.clientConfig;
  let cfn: ReturnType<AwsClients['cfn']> | undefined;
  let s3: ReturnType<AwsClients['s3']> | undefined;
  let control: ReturnType<AwsClients['control']> | undefined;
  const made: { destroy(): void }[] = [];
  const keep = <T extends { destroy(): void }>(c: T): T => {
    made.push(c);
    return c;
  };
  return {
    cfn: () =>
      (cfn ??= import('@aws-sdk/client-cloudformation').then((sdk) => ({
        sdk,
        client: keep(new sdk.CloudFormationClient(config)),
      }))),
    s3: () =>
      (s3 ??= import('@aws-sdk/client-s3').then((sdk) => ({
        sdk,
        // Path-style addressing when the S3 endpoint is overridden: local S3 emulators only understand it.
        client: keep(new sdk.S3Client({ ...config, forcePathStyle: s3EndpointOverridden() })),
      }))),
    control: () =>
      (control ??= import('@aws-sdk/client-bedrock-agentcore-control').then((sdk) => ({
        sdk,
        client: keep(new sdk.BedrockAgentCoreControlClient(config)),
      }))),
    destroy: () => made.forEach((c) => c.destroy()),
  };
}
