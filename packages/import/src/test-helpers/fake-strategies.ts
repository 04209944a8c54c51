/** Small stand-ins for CUSTOM_JWT and API_KEY, registered through the real registry (tests only). */
import { z } from 'zod';
import {
  defineInboundStrategy,
  defineOutboundStrategy,
  STRATEGY_CONTRACT_VERSION,
  StrategyRegistry,
} from '@agentcore/auth';

type Jwt = { customJwtAuthorizer: Record<string, unknown> };

export const fakeJwt = defineInboundStrategy<Jwt>({
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: 'fake',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.object({ customJwtAuthorizer: z.object({ discoveryUrl: z.string() }).loose() }).strict(),
  fromFlags: () => ({ ok: false, problems: [] }),
  fromAws(raw) {
    const c = (raw as { customJWTAuthorizer?: Record<string, unknown> }).customJWTAuthorizer;
    if (!c) throw new TypeError('no customJWTAuthorizer');
    return { customJwtAuthorizer: { ...c } };
  },
});

type ApiKey = {
  type: 'API_KEY';
  credentialName: string;
  apiKey?: { location?: string; parameterName?: string; prefix?: string };
};

export const fakeApiKey = defineOutboundStrategy<ApiKey>({
  type: 'API_KEY',
  cliName: 'api-key',
  direction: 'outbound',
  summary: 'fake',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer', 'openApiSchema', 'apiGateway'],
  fieldsSchema: z
    .object({
      credentialName: z.string(),
      apiKey: z
        .object({
          location: z.string().optional(),
          parameterName: z.string().optional(),
          prefix: z.string().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  fromFlags: () => ({ ok: false, problems: [] }),
  fromAws(raw, ctx) {
    const c = raw as {
      credentialProviderType?: string;
      credentialProvider?: { apiKeyCredentialProvider?: Record<string, string> };
    };
    if (c.credentialProviderType !== 'API_KEY') return undefined;
    const p = c.credentialProvider?.apiKeyCredentialProvider ?? {};
    const credentialName = ctx.credentialNameForArn(p.providerArn ?? '');
    if (!credentialName) throw new Error('unknown arn');
    const apiKey = {
      ...(p.credentialLocation && p.credentialLocation !== 'HEADER' ? { location: p.credentialLocation } : {}),
      ...(p.credentialParameterName && p.credentialParameterName !== 'x-api-key'
        ? { parameterName: p.credentialParameterName }
        : {}),
      ...(p.credentialPrefix ? { prefix: p.credentialPrefix } : {}),
    };
    return { type: 'API_KEY', credentialName, ...(Object.keys(apiKey).length ? { apiKey } : {}) };
  },
});

export function fakeRegistry(): StrategyRegistry {
  return new StrategyRegistry({ installHints: { OAUTH: '@agentcore/auth-oauth' } })
    .register(fakeJwt)
    .register(fakeApiKey);
}
