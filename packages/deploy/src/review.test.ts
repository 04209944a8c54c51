import { describe, expect, it } from 'vitest';
import { authChanges, buildReview } from './review.js';
import type { AuthSnapshot } from './snapshot.js';

const base = (): AuthSnapshot => ({
  runtimes: { A: { type: 'AWS_IAM' } },
  gateways: { gw: { type: 'NONE' } },
  targets: {
    'gw/t': { type: 'API_KEY', credential: 'K', location: 'HEADER', parameterName: 'x-api-key' },
  },
  credentials: { K: { kind: 'api-key', fingerprint: 'hmac-sha256:aa' } },
});

describe('auth review', () => {
  it('spells out inbound, placement and credential-value changes', () => {
    const after = base();
    after.runtimes.A = {
      type: 'CUSTOM_JWT',
      discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
      clients: ['c1'],
      scopes: ['invoke'],
    };
    after.targets['gw/t'] = { type: 'API_KEY', credential: 'K', location: 'QUERY_PARAMETER', parameterName: 'api_key' };
    after.credentials.K = { kind: 'api-key', fingerprint: 'hmac-sha256:bb' };
    const lines = authChanges(base(), after);
    expect(lines).toContain('runtime A: inbound auth AWS_IAM → CUSTOM_JWT (clients c1, scopes invoke)');
    expect(lines).toContain('target gw/t: API key moves from header x-api-key to query parameter api_key');
    expect(lines).toContain('credential K: key value changes');
  });

  it('reports a prefix change, additions and removals, and nothing when equal', () => {
    const after = base();
    after.targets['gw/t'] = { ...base().targets['gw/t'], type: 'API_KEY', prefix: 'Bearer' };
    after.targets['gw/u'] = { type: 'NONE' };
    delete after.runtimes.A;
    const lines = authChanges(base(), after);
    expect(lines).toEqual([
      'runtime A: removed',
      'target gw/t: API key prefix (none) → Bearer',
      'target gw/u: added, NONE',
    ]);
    expect(authChanges(base(), base())).toEqual([]);
  });

  it('a first deploy lists everything as added, never a fingerprint', () => {
    const lines = authChanges(undefined, base());
    expect(lines).toContain('credential K: new provider');
    expect(lines.join('\n')).not.toContain('hmac');
  });

  it('flags replacements of the change set', () => {
    const r = buildReview(base(), base(), [
      { action: 'Modify', logicalId: 'RuntimeA', type: 'AWS::BedrockAgentCore::Runtime', replacement: 'True' },
      { action: 'Add', logicalId: 'X', type: 'AWS::IAM::Role' },
    ]);
    expect(r.replacements).toBe(true);
    expect(r.resources[0]).toBe('Modify RuntimeA (AWS::BedrockAgentCore::Runtime) — REPLACEMENT');
    expect(r.resources[1]).toBe('Add X (AWS::IAM::Role)');
  });
});
