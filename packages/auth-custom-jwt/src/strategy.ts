// PLACEHOLDER (to be completed by the auth-custom-jwt work): minimal CUSTOM_JWT strategy so the pipeline runs.
import { z } from 'zod';
import { defineInboundStrategy, STRATEGY_CONTRACT_VERSION } from '@agentcore/auth';

export const CustomJwtAuthorizerConfigSchema = z.object({ customJwtAuthorizer: z.object({ discoveryUrl: z.string() }).loose() }).strict();
export type CustomJwtAuthorizerConfig = z.infer<typeof CustomJwtAuthorizerConfigSchema>;

export const customJwtStrategy = defineInboundStrategy<CustomJwtAuthorizerConfig>({
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: 'Accept OIDC JWT bearer tokens',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: CustomJwtAuthorizerConfigSchema,
  flags: [{ name: 'discovery-url', kind: 'string', summary: 'OIDC discovery URL' }],
  fromFlags(flags) {
    const discoveryUrl = flags['discovery-url'];
    if (typeof discoveryUrl !== 'string') return { ok: false, problems: [{ flag: 'discovery-url', message: '--discovery-url is required for CUSTOM_JWT' }] };
    return { ok: true, config: { customJwtAuthorizer: { discoveryUrl } } };
  },
});
