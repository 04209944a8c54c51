/**
 * Extends a synthesized template with the IAM roles its runtimes and gateways need, for every `RoleArn` that is
 * still a parameter (a runtime or gateway that names its own `executionRoleArn` keeps it). Least privilege:
 * - runtime role (trusts `bedrock-agentcore.amazonaws.com` from this account): CloudWatch Logs for its own log
 *   groups, X-Ray segments, CloudWatch metrics in the `bedrock-agentcore` namespace, workload access tokens of the
 *   default workload identity directory, and ECR pulls for container images
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html);
 * - gateway role: workload access tokens, `GetResourceApiKey` / `GetResourceOauth2Token` on the project's own
 *   credential providers (those its targets name) and `secretsmanager:GetSecretValue` on their secrets
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-outbound-auth.html).
 * Provider and secret ARNs stay parameters (`<Credential>ProviderArn`, `<Credential>SecretArn`), so the template
 * does not change when a provider is re-created. Also adds outputs for the ids deployed state records. Pure.
 */
import { GATEWAY_TYPE, parameterRef, RUNTIME_TYPE, sortKeysDeep, TARGET_TYPE, type Template } from './template.js';

const SERVICE = 'bedrock-agentcore.amazonaws.com';
const sub = (s: string) => ({ 'Fn::Sub': s });
const AGENTCORE_ARN = 'arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}';
const WORKLOAD_RESOURCES = [
  sub(`${AGENTCORE_ARN}:workload-identity-directory/default`),
  sub(`${AGENTCORE_ARN}:workload-identity-directory/default/workload-identity/*`),
];

function trustPolicy(): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: SERVICE },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': sub(`${AGENTCORE_ARN}:*`) },
        },
      },
    ],
  };
}

function runtimePolicy(container: boolean): Record<string, unknown> {
  const logGroup =
    'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/bedrock-agentcore/runtimes/*';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:DescribeLogStreams', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [sub(logGroup), sub(`${logGroup}:log-stream:*`)],
      },
      {
        Sid: 'LogGroups',
        Effect: 'Allow',
        Action: ['logs:DescribeLogGroups'],
        Resource: sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*'),
      },
      {
        Sid: 'XRay',
        Effect: 'Allow',
        Action: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        Resource: '*',
      },
      {
        Sid: 'Metrics',
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': 'bedrock-agentcore' } },
      },
      {
        Sid: 'WorkloadIdentity',
        Effect: 'Allow',
        Action: [
          'bedrock-agentcore:GetWorkloadAccessToken',
          'bedrock-agentcore:GetWorkloadAccessTokenForJWT',
          'bedrock-agentcore:GetWorkloadAccessTokenForUserId',
        ],
        Resource: WORKLOAD_RESOURCES,
      },
      ...(container
        ? [
            { Sid: 'EcrAuth', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
            {
              Sid: 'EcrPull',
              Effect: 'Allow',
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
              Resource: sub('arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/*'),
            },
          ]
        : []),
    ],
  };
}

interface ProviderUse {
  providerArns: unknown[];
  secretArns: unknown[];
  apiKey: boolean;
  oauth: boolean;
}

/** The secret parameter paired with a provider parameter: `MyKeyProviderArn` → `MyKeySecretArn`. */
export function secretParameterFor(providerParameter: string): string {
  return providerParameter.replace(/ProviderArn$/, '') + 'SecretArn';
}

function providersOfGateway(
  template: Template,
  gatewayId: string,
  params: Template['Parameters'] & object,
): ProviderUse {
  const use: ProviderUse = { providerArns: [], secretArns: [], apiKey: false, oauth: false };
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== TARGET_TYPE) continue;
    const gw = r.Properties.GatewayIdentifier as { Ref?: string } | undefined;
    if (gw?.Ref !== gatewayId) continue;
    for (const c of (r.Properties.CredentialProviderConfigurations ?? []) as Record<string, unknown>[]) {
      const provider = c.CredentialProvider as Record<string, Record<string, unknown>> | undefined;
      const entry = provider?.ApiKeyCredentialProvider ?? provider?.OauthCredentialProvider;
      if (!entry) continue;
      if (provider?.ApiKeyCredentialProvider) use.apiKey = true;
      else use.oauth = true;
      use.providerArns.push(entry.ProviderArn);
      const p = parameterRef(template, entry.ProviderArn);
      if (p) {
        const secret = secretParameterFor(p);
        params[secret] ??= {
          Type: 'String',
          Description: `ARN of the secret behind credential provider ${p.replace(/ProviderArn$/, '')}`,
        };
        use.secretArns.push({ Ref: secret });
      }
    }
  }
  return use;
}

function gatewayPolicy(use: ProviderUse): Record<string, unknown> {
  const actions = [
    ...(use.apiKey ? ['bedrock-agentcore:GetResourceApiKey'] : []),
    ...(use.oauth ? ['bedrock-agentcore:GetResourceOauth2Token'] : []),
  ];
  const tokenVault = sub(`${AGENTCORE_ARN}:token-vault/default`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WorkloadIdentity',
        Effect: 'Allow',
        Action: ['bedrock-agentcore:GetWorkloadAccessToken'],
        Resource: WORKLOAD_RESOURCES,
      },
      ...(actions.length
        ? [
            {
              Sid: 'CredentialProviders',
              Effect: 'Allow',
              Action: actions,
              Resource: [...use.providerArns, tokenVault, ...WORKLOAD_RESOURCES],
            },
          ]
        : []),
      ...(use.secretArns.length
        ? [
            {
              Sid: 'ProviderSecrets',
              Effect: 'Allow',
              Action: 'secretsmanager:GetSecretValue',
              Resource: use.secretArns,
            },
          ]
        : []),
    ],
  };
}

export interface ExtendedTemplate {
  template: Template;
  /** Logical IDs of the roles added. */
  roles: string[];
}

export function extendTemplate(input: Template): ExtendedTemplate {
  const template: Template = structuredClone(input);
  const params = (template.Parameters ??= {});
  const outputs = (template.Outputs ??= {});
  const roles: string[] = [];
  for (const [id, r] of Object.entries(input.Resources)) {
    if (r.Type !== RUNTIME_TYPE && r.Type !== GATEWAY_TYPE) continue;
    const res = template.Resources[id];
    if (!res) continue;
    const isRuntime = r.Type === RUNTIME_TYPE;
    outputs[`${id}Id`] = {
      Description: `Id of ${isRuntime ? 'runtime' : 'gateway'} ${id}`,
      Value: { 'Fn::GetAtt': [id, isRuntime ? 'AgentRuntimeId' : 'GatewayIdentifier'] },
    };
    if (!isRuntime)
      outputs[`${id}Arn`] = { Description: `ARN of gateway ${id}`, Value: { 'Fn::GetAtt': [id, 'GatewayArn'] } };
    const param = parameterRef(input, r.Properties.RoleArn);
    if (!param) continue;
    const roleId = `${id}Role`;
    const artifact = r.Properties.AgentRuntimeArtifact as Record<string, unknown> | undefined;
    const policy = isRuntime
      ? runtimePolicy(Boolean(artifact?.ContainerConfiguration))
      : gatewayPolicy(providersOfGateway(template, id, params));
    template.Resources[roleId] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trustPolicy(),
        Description: `agentcore: ${isRuntime ? 'execution role of runtime' : 'role of gateway'} ${id}`,
        Policies: [{ PolicyName: isRuntime ? 'runtime' : 'gateway', PolicyDocument: policy }],
      },
    };
    res.Properties.RoleArn = { 'Fn::GetAtt': [roleId, 'Arn'] };
    delete params[param];
    outputs[`${id}ExecutionRoleArn`] = { Description: `Role of ${id}`, Value: { 'Fn::GetAtt': [roleId, 'Arn'] } };
    roles.push(roleId);
  }
  if (Object.keys(params).length === 0) delete template.Parameters;
  return { template: sortKeysDeep(template), roles };
}
