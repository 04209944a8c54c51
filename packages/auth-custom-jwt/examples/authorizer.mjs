// Usage: node examples/authorizer.mjs — the CUSTOM_JWT strategy as a library: validate a block, emit CloudFormation.
import { StrategyRegistry } from '@agentcore/auth';
import { customJwtStrategy } from '@agentcore/auth-custom-jwt';

const registry = new StrategyRegistry().register(customJwtStrategy, { packageName: '@agentcore/auth-custom-jwt' });
const config = {
  customJwtAuthorizer: {
    discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
    allowedClients: ['my-client'],
  },
};
console.log(
  registry.find('inbound', 'custom-jwt')?.strategy.type,
  customJwtStrategy.configSchema.safeParse(config).success,
);
console.log(JSON.stringify(customJwtStrategy.toCloudFormation(config)));
