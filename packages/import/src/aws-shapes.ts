/**
 * The parts of the control-plane responses the mappers read (camelCase, as the SDK and the REST API return them).
 * Declared here rather than imported from the SDK so the mappers stay pure and the SDK stays a lazy import.
 * Every field is optional: a recorded response may omit anything, and the mappers decide what is required.
 */

export interface AwsCredentialProviderConfiguration {
  credentialProviderType?: string;
  credentialProvider?: Record<string, unknown>;
}

export interface AwsGateway {
  gatewayId?: string;
  gatewayArn?: string;
  gatewayUrl?: string;
  name?: string;
  description?: string;
  status?: string;
  roleArn?: string;
  protocolType?: string | null;
  protocolConfiguration?: { mcp?: { searchType?: string; supportedVersions?: string[]; instructions?: string } };
  authorizerType?: string;
  authorizerConfiguration?: unknown;
  exceptionLevel?: string;
  policyEngineConfiguration?: { arn?: string; mode?: string };
}

export interface AwsS3Configuration {
  uri?: string;
  bucketOwnerAccountId?: string;
}

export interface AwsApiSchemaConfiguration {
  s3?: AwsS3Configuration;
  inlinePayload?: string;
}

export interface AwsMcpTargetConfiguration {
  mcpServer?: { endpoint?: string };
  openApiSchema?: AwsApiSchemaConfiguration;
  smithyModel?: AwsApiSchemaConfiguration;
  apiGateway?: {
    restApiId?: string;
    stage?: string;
    apiGatewayToolConfiguration?: {
      toolFilters?: { filterPath?: string; methods?: string[] }[];
      toolOverrides?: unknown[];
    };
  };
  lambda?: { lambdaArn?: string; toolSchema?: { s3?: AwsS3Configuration; inlinePayload?: unknown[] } };
}

export interface AwsGatewayTarget {
  targetId?: string;
  gatewayArn?: string;
  name?: string;
  description?: string;
  status?: string;
  targetConfiguration?: { mcp?: AwsMcpTargetConfiguration; http?: unknown };
  credentialProviderConfigurations?: AwsCredentialProviderConfiguration[];
}

/** One `items` entry of ListGatewayTargets. */
export interface AwsTargetSummary {
  targetId?: string;
  name?: string;
  status?: string;
}

export interface AwsListGatewayTargetsPage {
  items?: AwsTargetSummary[];
  nextToken?: string;
}

export interface AwsAgentRuntime {
  agentRuntimeArn?: string;
  agentRuntimeId?: string;
  agentRuntimeName?: string;
  description?: string;
  status?: string;
  roleArn?: string;
  agentRuntimeArtifact?: {
    containerConfiguration?: { containerUri?: string };
    codeConfiguration?: {
      code?: { s3?: { bucket?: string; prefix?: string } };
      runtime?: string;
      entryPoint?: string[];
    };
  };
  networkConfiguration?: {
    networkMode?: string;
    networkModeConfig?: { securityGroups?: string[]; subnets?: string[] };
  };
  protocolConfiguration?: { serverProtocol?: string };
  environmentVariables?: Record<string, string>;
  authorizerConfiguration?: unknown;
  requestHeaderConfiguration?: { requestHeaderAllowlist?: string[] };
  lifecycleConfiguration?: { idleRuntimeSessionTimeout?: number; maxLifetime?: number };
}

/** Everything an import reads about one gateway. */
export interface GatewayResponses {
  gateway: AwsGateway;
  /** GetGatewayTarget responses, in ListGatewayTargets order. */
  targets: AwsGatewayTarget[];
}
