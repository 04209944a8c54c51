// Helpers for CloudFormation tests: a template with a runtime, a gateway, a target and a role, and a poller.
import {
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';

export function projectTemplate(opts: { runtimeName?: string; s3?: { bucket: string; key: string } } = {}) {
  return {
    Description: 'agentcore project',
    Parameters: { Env: { Type: 'String', Default: 'dev' } },
    Resources: {
      RuntimeRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'bedrock-agentcore.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
        },
      },
      EchoAgent: {
        Type: 'AWS::BedrockAgentCore::Runtime',
        Properties: {
          AgentRuntimeName: opts.runtimeName ?? 'EchoAgent',
          RoleArn: { 'Fn::GetAtt': ['RuntimeRole', 'Arn'] },
          NetworkConfiguration: { NetworkMode: 'PUBLIC' },
          AgentRuntimeArtifact: opts.s3
            ? {
                CodeConfiguration: {
                  Code: { S3: { Bucket: opts.s3.bucket, Prefix: opts.s3.key } },
                  EntryPoint: ['main.js'],
                  Runtime: 'NODE_22',
                },
              }
            : { ContainerConfiguration: { ContainerUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/echo:1' } },
          EnvironmentVariables: { ENV: { Ref: 'Env' } },
        },
      },
      Gateway: {
        Type: 'AWS::BedrockAgentCore::Gateway',
        Properties: {
          Name: 'my-gateway',
          AuthorizerType: 'NONE',
          ProtocolType: 'MCP',
          RoleArn: { 'Fn::GetAtt': ['RuntimeRole', 'Arn'] },
        },
      },
      Target: {
        Type: 'AWS::BedrockAgentCore::GatewayTarget',
        Properties: {
          GatewayIdentifier: { Ref: 'Gateway' },
          Name: 'secureTools',
          TargetConfiguration: { Mcp: { McpServer: { Endpoint: 'https://api.example.com/mcp' } } },
          CredentialProviderConfigurations: [{ CredentialProviderType: 'GATEWAY_IAM_ROLE' }],
        },
      },
    },
    Outputs: {
      RuntimeArn: { Value: { 'Fn::GetAtt': ['EchoAgent', 'AgentRuntimeArn'] } },
      GatewayUrl: { Value: { 'Fn::GetAtt': ['Gateway', 'GatewayUrl'] } },
      Named: { Value: { 'Fn::Sub': '${AWS::StackName}-${Gateway}-${Env}' } },
      Joined: { Value: { 'Fn::Join': [':', [{ Ref: 'AWS::Region' }, { Ref: 'Target' }]] } },
    },
  };
}

const until = async <T>(read: () => Promise<T>, done: (v: T) => boolean, seen: T[] = []): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await read();
    seen.push(v);
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`still waiting, last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** Poll DescribeStacks until the stack leaves *_IN_PROGRESS; returns the final stack and every status seen. */
export async function waitForStack(cfn: CloudFormationClient, name: string) {
  const seen: string[] = [];
  const stack = await until(
    async () => (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0],
    (s) => {
      if (s?.StackStatus && seen.at(-1) !== s.StackStatus) seen.push(s.StackStatus);
      return !/_IN_PROGRESS$/.test(s?.StackStatus ?? '');
    },
  );
  return { stack, seen };
}

/** Poll DescribeChangeSet until it is computed (CREATE_COMPLETE or FAILED). */
export function waitForChangeSet(cfn: CloudFormationClient, stackName: string, changeSetName: string) {
  return until(
    () => cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })),
    (c) => c.Status === 'CREATE_COMPLETE' || c.Status === 'FAILED',
  );
}
