import { describe, expect, it } from 'vitest';
import { StrategyRegistry } from '@agentcore/auth';
import type { ProjectStore } from '@agentcore/schema';
import { LOCAL_DEV_CREDENTIALS, selectInvokeAuth, type ProjectHandle } from './invoke-auth.js';
import type { ResolvedEndpoint, ResourceRef } from './invoke-resources.js';

// No strategy and no store is reached for these auth types: a project handle without either proves it.
const project: ProjectHandle = { store: {} as ProjectStore, registry: new StrategyRegistry() };
const deployedGateway: ResolvedEndpoint = {
  source: 'deployed',
  target: { kind: 'url', url: 'https://gw-1.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp' },
  url: 'https://gw-1.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp',
  region: 'us-east-1',
};
const gateway = (authType: string): ResourceRef => ({ kind: 'gateway', name: 'tools', authType });

describe('selectInvokeAuth for gateways', () => {
  it('NONE: no credentials at all, even for a deployed (non-loopback) URL', async () => {
    expect(await selectInvokeAuth(project, gateway('NONE'), deployedGateway, {})).toEqual({
      auth: { kind: 'none' },
      source: 'none',
    });
  });

  it('AWS_IAM: SigV4 in the region of the gateway URL', async () => {
    expect(await selectInvokeAuth(project, gateway('AWS_IAM'), deployedGateway, {})).toEqual({
      auth: { kind: 'sigv4', region: 'us-east-1' },
      source: 'sigv4',
    });
  });

  it('AWS_IAM under agentcore dev: SigV4 with placeholder credentials (dev checks the scheme, not the signature)', async () => {
    const dev: ResolvedEndpoint = {
      source: 'dev',
      target: { kind: 'url', url: 'http://127.0.0.1:4000/gateways/tools/mcp' },
      url: 'http://127.0.0.1:4000/gateways/tools/mcp',
    };
    expect(await selectInvokeAuth(project, gateway('AWS_IAM'), dev, {})).toEqual({
      auth: { kind: 'sigv4', region: 'us-east-1', credentials: LOCAL_DEV_CREDENTIALS },
      source: 'sigv4',
    });
    const direct = { ...dev, source: 'flag' as const };
    expect(await selectInvokeAuth(project, gateway('AWS_IAM'), direct, {})).toEqual({
      auth: { kind: 'none' },
      source: 'none',
    });
  });

  it('--bearer-token wins over every auth type', async () => {
    const r = await selectInvokeAuth(project, gateway('NONE'), deployedGateway, { bearerToken: 't' });
    expect(r).toEqual({ auth: { kind: 'bearer', token: 't' }, source: 'flag' });
  });
});
