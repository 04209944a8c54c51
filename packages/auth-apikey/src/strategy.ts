// PLACEHOLDER (to be completed by the auth-apikey work): minimal API_KEY strategy so the pipeline runs.
import { z } from 'zod';
import { defineOutboundStrategy, STRATEGY_CONTRACT_VERSION } from '@agentcore/auth';

export const ApiKeyOutboundFieldsSchema = z.object({ credentialName: z.string().min(1) }).strict();
export type ApiKeyOutboundAuth = { type: 'API_KEY' } & z.infer<typeof ApiKeyOutboundFieldsSchema>;

export const apiKeyStrategy = defineOutboundStrategy<ApiKeyOutboundAuth>({
  type: 'API_KEY',
  cliName: 'api-key',
  direction: 'outbound',
  summary: 'Send an API key to the target',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer', 'openApiSchema', 'apiGateway'],
  fieldsSchema: ApiKeyOutboundFieldsSchema,
  credentialKind: 'ApiKeyCredentialProvider',
  fromFlags(flags) {
    const credentialName = flags['credential-name'];
    if (typeof credentialName !== 'string') return { ok: false, problems: [{ flag: 'credential-name', message: 'API_KEY outbound auth needs --credential-name' }] };
    return { ok: true, config: { type: 'API_KEY', credentialName } };
  },
});
