/** Test-only strategies registered straight into a StrategyRegistry (the dev package never imports the plugins). */
import { z } from 'zod';
import {
  authorizeRequest,
  StrategyRegistry,
  STRATEGY_CONTRACT_VERSION,
  type InboundStrategy,
  type JwtAuthorizerConfig,
  type OutboundStrategy,
} from '@agentcore/auth';

type JwtBlock = { customJwtAuthorizer: JwtAuthorizerConfig };
type KeyAuth = {
  type: string;
  credentialName?: string;
  apiKey?: { location?: string; parameterName?: string; prefix?: string };
};

export const testJwt: InboundStrategy<JwtBlock> = {
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: 'test JWT',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.any() as z.ZodType<JwtBlock>,
  fromFlags: () => ({ ok: false, problems: [] }),
  verify: (request, config, options) => authorizeRequest(request, config.customJwtAuthorizer, options),
};

export const testApiKey: OutboundStrategy<KeyAuth> = {
  type: 'API_KEY',
  cliName: 'api-key',
  direction: 'outbound',
  summary: 'test API key',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer'],
  fieldsSchema: z.object({}).loose(),
  credentialKind: 'ApiKeyCredentialProvider',
  fromFlags: () => ({ ok: false, problems: [] }),
  apply(request, config, secret) {
    const p = config.apiKey ?? {};
    const value = p.prefix ? `${p.prefix} ${secret.value}` : secret.value;
    const name = p.parameterName ?? 'x-api-key';
    if (p.location === 'QUERY_PARAMETER') {
      const url = new URL(request.url);
      url.searchParams.set(name, value);
      return { ...request, url: url.toString() };
    }
    return { ...request, headers: { ...request.headers, [name]: value } };
  },
};

export function testRegistry(): StrategyRegistry {
  return new StrategyRegistry().register(testJwt).register(testApiKey);
}

export function secretsOf(values: Record<string, string>) {
  return { get: async (key: string) => values[key] };
}
