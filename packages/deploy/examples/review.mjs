// examples/review.mjs — runnable: node examples/review.mjs
// The pure half of a deploy, no AWS needed: extend a synthesized template with its IAM roles, then review what a
// change of API-key placement would do, and zip some code deterministically.
import { authChanges, authSnapshot, buildZip, extendTemplate } from '@agentcore/deploy';
import { createHash } from 'node:crypto';

const target = (location, parameterName) => ({
  Type: 'AWS::BedrockAgentCore::GatewayTarget',
  Properties: {
    GatewayIdentifier: { Ref: 'GatewayGw' },
    Name: 'tools',
    CredentialProviderConfigurations: [
      {
        CredentialProviderType: 'API_KEY',
        CredentialProvider: {
          ApiKeyCredentialProvider: {
            ProviderArn: { Ref: 'MyKeyProviderArn' },
            CredentialLocation: location,
            CredentialParameterName: parameterName,
          },
        },
      },
    ],
    TargetConfiguration: { Mcp: { McpServer: { Endpoint: 'https://mcp.example.com/mcp' } } },
  },
});
const template = (location, parameterName) => ({
  Parameters: {
    GatewayGwRoleArn: { Type: 'String', Description: 'role' },
    MyKeyProviderArn: { Type: 'String', Description: 'provider' },
  },
  Resources: {
    GatewayGw: {
      Type: 'AWS::BedrockAgentCore::Gateway',
      Properties: { Name: 'Demo-gw', AuthorizerType: 'NONE', RoleArn: { Ref: 'GatewayGwRoleArn' } },
    },
    GatewayGwTargetTools: target(location, parameterName),
  },
});
const names = {
  runtimes: {},
  gateways: { GatewayGw: 'gw' },
  targets: { GatewayGwTargetTools: 'gw/tools' },
  credentialParameters: { MyKeyProviderArn: 'MyKey' },
};

const { template: extended, roles } = extendTemplate(template('HEADER', 'x-api-key'));
console.log('roles added:', roles.join(', '));
console.log(
  'gateway role actions:',
  JSON.stringify(extended.Resources.GatewayGwRole.Properties.Policies[0].PolicyDocument.Statement.map((s) => s.Action)),
);

const before = authSnapshot(template('HEADER', 'x-api-key'), names, {});
const after = authSnapshot(template('QUERY_PARAMETER', 'api_key'), names, {});
for (const line of authChanges(before, after)) console.log(line);

const zip = buildZip([{ path: 'main.py', data: Buffer.from('print("hi")\n') }]);
console.log('zip sha256:', createHash('sha256').update(zip).digest('hex'));
