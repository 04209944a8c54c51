import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOutboundStrategy, STRATEGY_CONTRACT_VERSION, type OutboundStrategy } from './contract.js';
import { isAgentcoreError } from '@agentcore/schema';
import { isLocalOnly, StrategyRegistry } from './registry.js';

function outbound(extra: Partial<OutboundStrategy>): OutboundStrategy {
  return defineOutboundStrategy({
    type: 'BASIC_LOCAL',
    cliName: 'basic-local',
    direction: 'outbound',
    appliesTo: ['mcpServer'],
    summary: 'HTTP Basic (local only)',
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: z.object({}).strict(),
    fromFlags: () => ({ ok: true, config: { type: 'BASIC_LOCAL' } }),
    ...extra,
  });
}

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('local-only strategies in the registry', () => {
  it('assertDeployable refuses a local-only strategy with its type, package, resource and reason', () => {
    const s = outbound({ localOnly: { reason: 'no AgentCore provider for Basic.' } });
    const registry = new StrategyRegistry().register(s, { packageName: 'acme-basic' });
    expect(isLocalOnly(s)).toBe(true);
    const err = thrown(() => registry.assertDeployable(s, 'target t of gateway g'));
    expect(isAgentcoreError(err)).toBe(true);
    if (!isAgentcoreError(err)) return;
    expect(err.code).toBe('ERR_STRATEGY_LOCAL_ONLY');
    expect(err.message).toBe(
      'Target t of gateway g uses BASIC_LOCAL (acme-basic), which works only locally, with `agentcore dev`, and cannot be deployed to AgentCore: no AgentCore provider for Basic.',
    );
    expect(err.actions[0]).toContain('`agentcore add gateway-target --help` lists them');
    expect(err.details).toEqual({
      type: 'BASIC_LOCAL',
      packageName: 'acme-basic',
      reason: 'no AgentCore provider for Basic.',
      where: 'target t of gateway g',
    });
    const bare = thrown(() => registry.assertDeployable(s));
    expect(isAgentcoreError(bare) && bare.message.startsWith('BASIC_LOCAL (acme-basic) works only locally')).toBe(true);
  });

  it('assertDeployable lets a deployable strategy through', () => {
    const s = outbound({ toCloudFormation: () => ({}) });
    const registry = new StrategyRegistry().register(s, { packageName: 'acme' });
    expect(isLocalOnly(s)).toBe(false);
    expect(() => registry.assertDeployable(s, 'target t')).not.toThrow();
  });

  it('register refuses an empty reason and a local-only strategy with toCloudFormation', () => {
    const empty = thrown(() =>
      new StrategyRegistry().register(outbound({ localOnly: { reason: ' ' } }), { packageName: 'p' }),
    );
    expect(isAgentcoreError(empty) && empty.code).toBe('ERR_STRATEGY_INVALID');
    const both = thrown(() =>
      new StrategyRegistry().register(outbound({ localOnly: { reason: 'x' }, toCloudFormation: () => ({}) }), {
        packageName: 'p',
      }),
    );
    expect(isAgentcoreError(both) && both.message).toContain('a localOnly strategy cannot have toCloudFormation');
  });
});
