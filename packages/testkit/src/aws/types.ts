/** Public types of the AWS stand-in (see packages/testkit/README.md). */

export type AwsServiceName = 'cloudformation' | 'sts' | 'bedrock-agentcore' | 's3' | 'unknown';

export interface RecordedRequest {
  service: AwsServiceName;
  /** e.g. `CreateChangeSet`, `CreateApiKeyCredentialProvider`; `unknown` when no operation matched. */
  operation: string;
  /** False for Describe*, Get*, List*, Validate*, GetCallerIdentity and S3 GET / HEAD. */
  mutating: boolean;
  method: string;
  path: string;
  /** The raw request body, as received (UTF-8 decoded; binary S3 uploads are lossy). */
  body: string;
  /** From the SigV4 `Authorization` header. */
  accessKeyId?: string;
  /** HTTP status answered. */
  status: number;
}

export interface Violation {
  service: string;
  operation: string;
  problems: string[];
}

export type AwsFault =
  | {
      kind: 'resource-failure';
      logicalId?: string;
      resourceType?: string;
      when?: (properties: Record<string, unknown>) => boolean;
      reason: string;
    }
  | { kind: 'access-denied'; action: string; principalArn?: string }
  | { kind: 'expired-token'; accessKeyId: string };

export interface AwsStandInOptions {
  /** Default `us-east-1`; requests signed for another region are violations. */
  region?: string;
  /** Default `123456789012`. */
  accountId?: string;
  /** Time between two steps of a stack operation or change-set creation (default 20). */
  progressDelayMs?: number;
  /** Page size of DescribeStackEvents / ListStackResources (default 10). */
  pageSize?: number;
  faults?: AwsFault[];
  /** Start an s3rver beside the endpoint (TemplateURL and Code.S3 checks read it). */
  s3?: boolean | { directory?: string };
}

export interface ApiKeyProviderState {
  name: string;
  arn: string;
  apiKey: string;
  secretArn: string;
  createdTime: Date;
  lastUpdatedTime: Date;
}

export interface Oauth2ProviderState {
  name: string;
  arn: string;
  vendor: string;
  clientId?: string;
  clientSecret?: string;
  discoveryUrl?: string;
  /** The `oauth2ProviderConfigInput` as received. */
  config: unknown;
  secretArn: string;
  callbackUrl: string;
  createdTime: Date;
  lastUpdatedTime: Date;
}

export interface ProvidersSnapshot {
  apiKey: ApiKeyProviderState[];
  oauth2: Oauth2ProviderState[];
}

export interface StackResourceSnapshot {
  logicalId: string;
  type: string;
  physicalId: string;
  status: string;
  statusReason?: string;
  properties: Record<string, unknown>;
  attributes: Record<string, string>;
}

export interface StackSnapshot {
  name: string;
  id: string;
  status: string;
  statusReason?: string;
  template: unknown;
  parameters: Record<string, string>;
  outputs: Record<string, string>;
  resources: StackResourceSnapshot[];
}

export interface S3StandIn {
  /** `http://127.0.0.1:<port>`; path-style only (`forcePathStyle: true`). */
  url: string;
  port: number;
  directory: string;
  close(): Promise<void>;
}

export interface AwsStandIn {
  /** `http://127.0.0.1:<port>`: CloudFormation, STS and AgentCore control. */
  url: string;
  /** `http://127.0.0.1:<port>`: S3 (s3rver behind a recording front), when `s3` was asked for. */
  s3Url?: string;
  region: string;
  accountId: string;
  requests(): RecordedRequest[];
  violations(): Violation[];
  providers(): ProvidersSnapshot;
  /** Bucket configurations set through the S3 front (encryption, public access block, versioning), raw XML. */
  bucketConfigurations(): { bucket: string; encryption?: string; publicAccessBlock?: string; versioning?: string }[];
  stacks(): StackSnapshot[];
  setFault(fault: AwsFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}
