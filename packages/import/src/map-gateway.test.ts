import { describe, expect, it } from 'vitest';
import { mapGateway } from './map-gateway.js';
import { ImportError } from './errors.js';
import { fakeRegistry } from './test-helpers/fake-strategies.js';
import type { AwsGatewayTarget } from './aws-shapes.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey';
const names: Record<string, string> = { [ARN]: 'MyKey' };
const options = { projectName: 'Demo', registry: fakeRegistry(), credentialNameForArn: (a: string) => names[a] };

const gateway = {
  gatewayId: 'gw-1',
  name: 'Demo-tools',
  status: 'READY',
  protocolType: 'MCP',
  roleArn: 'arn:aws:iam::123456789012:role/gw',
  protocolConfiguration: { mcp: { searchType: 'SEMANTIC' } },
  authorizerType: 'CUSTOM_JWT',
  authorizerConfiguration: {
    customJWTAuthorizer: { discoveryUrl: 'https://idp/.well-known/openid-configuration', allowedClients: ['c1'] },
  },
};
const apiKeyTarget = (provider: Record<string, string>): AwsGatewayTarget => ({
  targetId: 't1',
  name: 'search',
  targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://mcp.example.com/mcp' } } },
  credentialProviderConfigurations: [
    {
      credentialProviderType: 'API_KEY',
      credentialProvider: { apiKeyCredentialProvider: { providerArn: ARN, ...provider } },
    },
  ],
});

describe('mapGateway', () => {
  it('maps the gateway fields and the inbound auth through the strategy', () => {
    const { gateway: g, warnings } = mapGateway({ gateway, targets: [] }, options);
    expect(warnings).toEqual([]);
    expect(g).toEqual({
      name: 'tools',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: { discoveryUrl: 'https://idp/.well-known/openid-configuration', allowedClients: ['c1'] },
      },
      enableSemanticSearch: true,
      exceptionLevel: 'NONE',
      executionRoleArn: 'arn:aws:iam::123456789012:role/gw',
      targets: [],
    });
  });

  it('keeps a QUERY_PARAMETER placement and elides HEADER/x-api-key', () => {
    const q = mapGateway(
      {
        gateway,
        targets: [apiKeyTarget({ credentialLocation: 'QUERY_PARAMETER', credentialParameterName: 'api_key' })],
      },
      options,
    );
    expect(q.gateway.targets[0]?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
    });
    const h = mapGateway(
      { gateway, targets: [apiKeyTarget({ credentialLocation: 'HEADER', credentialParameterName: 'x-api-key' })] },
      options,
    );
    expect(h.gateway.targets[0]?.outboundAuth).toEqual({ type: 'API_KEY', credentialName: 'MyKey' });
  });

  it('fails with ERR_IMPORT_UNKNOWN_CREDENTIAL for a provider ARN outside deployed state', () => {
    const err = (() => {
      try {
        mapGateway({ gateway, targets: [apiKeyTarget({})] }, { ...options, credentialNameForArn: () => undefined });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('ERR_IMPORT_UNKNOWN_CREDENTIAL');
    expect((err as ImportError).details.providerArn).toBe(ARN);
    expect((err as ImportError).actions[0]).toMatch(
      /^Add the credential to the project \(`agentcore add credential`\) and deploy it, or record its ARN/,
    );
  });

  it('names the plugin for an outbound type no strategy reads', () => {
    const t: AwsGatewayTarget = {
      ...apiKeyTarget({}),
      credentialProviderConfigurations: [
        { credentialProviderType: 'OAUTH', credentialProvider: { oauthCredentialProvider: { providerArn: ARN } } },
      ],
    };
    expect(() => mapGateway({ gateway, targets: [t] }, options)).toThrow(
      expect.objectContaining({
        code: 'ERR_IMPORT_UNSUPPORTED_AUTH',
        details: expect.objectContaining({ plugin: '@agentcore/auth-oauth' }),
      }),
    );
  });

  it('elides GATEWAY_IAM_ROLE on fallback types, keeps it with a service, skips inline schemas with a warning', () => {
    const targets: AwsGatewayTarget[] = [
      {
        name: 'api',
        targetConfiguration: {
          mcp: {
            apiGateway: {
              restApiId: 'r1',
              stage: 'prod',
              apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/x', methods: ['GET'] }] },
            },
          },
        },
        credentialProviderConfigurations: [{ credentialProviderType: 'GATEWAY_IAM_ROLE' }],
      },
      {
        name: 'mcp',
        targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://m/mcp' } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: 'GATEWAY_IAM_ROLE',
            credentialProvider: { iamCredentialProvider: { service: 'bedrock-agentcore' } },
          },
        ],
      },
      { name: 'inline', targetConfiguration: { mcp: { openApiSchema: { inlinePayload: '{}' } } } },
    ];
    const { gateway: g, warnings } = mapGateway(
      { gateway: { ...gateway, authorizerType: 'NONE', authorizerConfiguration: undefined }, targets },
      options,
    );
    expect(g.targets.map((t) => t.name)).toEqual(['api', 'mcp']);
    expect(g.targets[0]).not.toHaveProperty('outboundAuth');
    expect(g.targets[1]?.outboundAuth).toEqual({ type: 'GATEWAY_IAM_ROLE', service: 'bedrock-agentcore' });
    expect(warnings).toHaveLength(1);
  });

  it('records resourceName when the AWS name does not follow ${project}-${name}', () => {
    const { gateway: g } = mapGateway(
      { gateway: { ...gateway, name: 'legacy-gw' }, targets: [] },
      { ...options, localName: 'gw' },
    );
    expect(g).toMatchObject({ name: 'gw', resourceName: 'legacy-gw' });
  });
});
