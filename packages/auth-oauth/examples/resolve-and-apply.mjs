// Usage: node examples/resolve-and-apply.mjs — the OAuth strategy as a plain library (no network).
import { StrategyRegistry } from '@agentcore/auth';
import { oauthStrategy } from '@agentcore/auth-oauth';

const registry = new StrategyRegistry().register(oauthStrategy, { packageName: '@agentcore/auth-oauth' });
const config = { type: 'OAUTH', credentialName: 'Idp', scopes: ['tools:call'] };
const request = oauthStrategy.apply({ method: 'POST', url: 'https://tools.example.com/mcp', headers: {} }, config, {
  value: '<access token>',
  credentialName: 'Idp',
});
console.log(registry.find('outbound', 'oauth')?.strategy.type, request.headers.Authorization.startsWith('Bearer '));
console.log(
  JSON.stringify(
    oauthStrategy.toCloudFormation(config, {
      providerArn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/Idp',
    }),
  ),
);
