// Usage: node examples/map-recorded.mjs — map recorded control-plane responses to an agentcore.json gateway (no network).
import { StrategyRegistry, STRATEGY_CONTRACT_VERSION } from '@agentcore/auth';
import { fileSource, mapGateway, readGateway } from '@agentcore/import';

// Real projects register the installed plugins (e.g. @agentcore/auth-apikey); a tiny inline strategy keeps this self-contained.
const apiKey = {
  type: 'API_KEY',
  cliName: 'api-key',
  direction: 'outbound',
  summary: 'API key',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer'],
  fieldsSchema: { safeParse: () => ({ success: true }) },
  fromFlags: () => ({ ok: false, problems: [] }),
  fromAws: (c, ctx) =>
    c.credentialProviderType === 'API_KEY'
      ? {
          type: 'API_KEY',
          credentialName: ctx.credentialNameForArn(c.credentialProvider.apiKeyCredentialProvider.providerArn),
        }
      : undefined,
};
const registry = new StrategyRegistry().register(apiKey);
const arn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey';
const source = fileSource({
  GetGateway: {
    gatewayId: 'gw1',
    name: 'Demo-tools',
    authorizerType: 'NONE',
    protocolConfiguration: { mcp: { searchType: 'SEMANTIC' } },
  },
  ListGatewayTargets: [{ items: [{ targetId: 't1' }] }],
  GetGatewayTarget: {
    t1: {
      name: 'search',
      targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://mcp.example.com/mcp' } } },
      credentialProviderConfigurations: [
        { credentialProviderType: 'API_KEY', credentialProvider: { apiKeyCredentialProvider: { providerArn: arn } } },
      ],
    },
  },
});
const { gateway } = mapGateway(await readGateway(source, 'gw1'), {
  projectName: 'Demo',
  registry,
  credentialNameForArn: (a) => (a === arn ? 'MyKey' : undefined),
});
console.log(JSON.stringify(gateway));
