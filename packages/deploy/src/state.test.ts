import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeployedState, selectDeployedTarget } from '@agentcore/schema';
import { describe, expect, it } from 'vitest';
import { clearTargetState, fingerprinter, readMeta, writeTargetState, type DeployMeta } from './state.js';

const meta = (): DeployMeta => ({
  stackName: 'agentcore-Demo',
  stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/agentcore-Demo/1',
  account: '123456789012',
  region: 'us-east-1',
  templateHash: 't',
  parametersHash: 'p',
  stagingBucket: 'agentcore-staging-123456789012-us-east-1',
  stagingPrefix: 'Demo/',
  assets: {},
  providers: {
    K: {
      kind: 'api-key',
      name: 'Demo-K',
      credentialProviderArn:
        'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/Demo-K',
      secretArn: 'arn:s',
    },
  },
  auth: { runtimes: {}, gateways: {}, targets: {}, credentials: {} },
  deployedAt: '2026-12-03T00:00:00.000Z',
});

describe('deployed state', () => {
  it('writes the official shape plus its own key, and clears it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deploy-state-')), 'deployed-state.json');
    const runtimeArn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/Demo_A-abc';
    await writeTargetState(
      file,
      'default',
      {
        runtimes: { A: { runtimeArn, runtimeId: 'Demo_A-abc' } },
        gateways: { gw: { gatewayId: 'g1', gatewayUrl: 'https://g1' } },
      },
      meta(),
    );
    const state = await readDeployedState(file);
    const t = state && selectDeployedTarget(state, 'default');
    expect(t?.target.region).toBe('us-east-1');
    expect(t?.target.resources.runtimes?.A?.runtimeArn).toBe(runtimeArn);
    expect(t?.target.resources.mcp?.gateways?.gw?.gatewayUrl).toBe('https://g1');
    expect(t?.target.resources.credentials?.K).toEqual({
      credentialProviderArn: meta().providers.K?.credentialProviderArn,
    });
    expect(readMeta(state, 'default')?.stackName).toBe('agentcore-Demo');
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    await clearTargetState(file, 'default');
    expect(existsSync(file)).toBe(false);
  });

  it('fingerprints are keyed: equal values match, and a bare hash of the value does not', () => {
    const f = fingerprinter(new Uint8Array(32).fill(1), 'Demo');
    const g = fingerprinter(new Uint8Array(32).fill(2), 'Demo');
    expect(f(['abc'])).toBe(f(['abc']));
    expect(f(['abc'])).not.toBe(g(['abc']));
    expect(f(['ab', 'c'])).not.toBe(f(['a', 'bc']));
    expect(f(['abc'])).not.toContain(createHash('sha256').update('abc').digest('hex'));
  });
});
