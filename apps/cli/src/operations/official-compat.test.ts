import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '@agentcore/schema';
import { officialCompatFindings } from './official-compat.js';

const base: ProjectConfig = { name: 'P', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] };
const gateway = (targets: ProjectConfig['agentCoreGateways'][number]['targets']) => ({
  ...base,
  agentCoreGateways: [{ name: 'gw', targets }],
});

describe('officialCompatFindings', () => {
  it('accepts what the official CLI 0.30 knows', () => {
    const config = gateway([
      { name: 'a', targetType: 'openApiSchema', outboundAuth: { type: 'API_KEY', credentialName: 'K' } },
      { name: 'b', targetType: 'mcpServer', outboundAuth: { type: 'OAUTH', credentialName: 'O' } },
      { name: 'c', targetType: 'mcpServer' },
    ]);
    expect(officialCompatFindings({ ...config, runtimes: [] })).toEqual([]);
  });

  it('names placement, API_KEY on mcpServer and unknown auth types with their paths', () => {
    const config: ProjectConfig = {
      ...gateway([
        { name: 'a', targetType: 'openApiSchema', outboundAuth: { type: 'API_KEY', credentialName: 'K', apiKey: {} } },
        { name: 'm', targetType: 'mcpServer', outboundAuth: { type: 'API_KEY', credentialName: 'K' } },
        { name: 'x', targetType: 'mcpServer', outboundAuth: { type: 'GATEWAY_IAM_ROLE' } },
      ]),
      runtimes: [
        { name: 'R', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/R/', authorizerType: 'MTLS' },
      ],
    };
    expect(officialCompatFindings(config).map((f) => [f.code, f.path])).toEqual([
      ['RUNTIME_AUTH', 'runtimes.0.authorizerType'],
      ['API_KEY_PLACEMENT', 'agentCoreGateways.0.targets.0.outboundAuth.apiKey'],
      ['MCP_SERVER_API_KEY', 'agentCoreGateways.0.targets.1.outboundAuth.type'],
      ['OUTBOUND_TYPE', 'agentCoreGateways.0.targets.2.outboundAuth.type'],
    ]);
  });

  it('names a credential kind from a plugin, which the official project schema does not know', () => {
    const config: ProjectConfig = {
      ...base,
      credentials: [
        { authorizerType: 'ApiKeyCredentialProvider', name: 'K' },
        { authorizerType: 'OAuthCredentialProvider', name: 'O' },
        { authorizerType: 'AcmeBasicCredentialProvider', name: 'B' },
      ],
    };
    expect(officialCompatFindings(config)).toEqual([
      {
        code: 'CREDENTIAL_KIND',
        path: 'credentials.2.authorizerType',
        params: { kind: 'AcmeBasicCredentialProvider' },
      },
    ]);
  });
});
