// Usage: node examples/registry.mjs — register a strategy and validate a config against the composed model (no network).
import { defineOutboundStrategy, StrategyRegistry, STRATEGY_CONTRACT_VERSION } from '@agentcore/auth';
import { CredentialNameSchema } from '@agentcore/schema';
import { z } from 'zod';

const headerToken = defineOutboundStrategy({
  type: 'HEADER_TOKEN',
  cliName: 'header-token',
  direction: 'outbound',
  summary: 'Send a token in X-Token',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer'],
  fieldsSchema: z.object({ credentialName: CredentialNameSchema }).strict(),
  fromFlags: (flags) => ({
    ok: true,
    config: { type: 'HEADER_TOKEN', credentialName: String(flags['credential-name']) },
  }),
  apply: (req, _config, secret) => ({ ...req, headers: { ...req.headers, 'X-Token': secret.value } }),
});
const registry = new StrategyRegistry().register(headerToken, { packageName: 'example' });
const target = {
  name: 't',
  targetType: 'mcpServer',
  endpoint: 'https://tools.example.com/mcp',
  outboundAuth: { type: 'HEADER_TOKEN', credentialName: 'Tok' },
};
const { issues } = registry.model().check({
  name: 'Demo',
  version: 1,
  runtimes: [],
  credentials: [],
  agentCoreGateways: [{ name: 'gw', targets: [target] }],
});
console.log(registry.find('outbound', 'header_token')?.strategy.type, issues.length);
