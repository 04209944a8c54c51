import { describe, expect, it } from 'vitest';
import type { CredentialPlan } from '@agentcore/auth';
import { isAgentcoreError, type ProjectConfig, type UpdateContext } from '@agentcore/schema';
import { applyCredentialPlans } from './credential-plans.js';

const draft = (): ProjectConfig => ({
  name: 'P',
  version: 1,
  runtimes: [],
  credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'Agent-oauth' }],
  agentCoreGateways: [],
});
const staged: unknown[] = [];
const ctx = { stageSecrets: (s: unknown) => staged.push(s) } as unknown as UpdateContext;
const plan = (onExisting: CredentialPlan['onExisting']): CredentialPlan => ({
  credential: { authorizerType: 'OAuthCredentialProvider', name: 'Agent-oauth' },
  secrets: {},
  onExisting,
});

function refusal(fn: () => void): { code: string; message: string; actions: readonly string[] } {
  try {
    fn();
  } catch (err) {
    if (isAgentcoreError(err)) return { code: err.code, message: err.message, actions: err.actions };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('applyCredentialPlans', () => {
  it('refuses a credential that must be new, saying how to free the name', () => {
    expect(refusal(() => applyCredentialPlans(draft(), ctx, [plan('error')]))).toEqual({
      code: 'ERR_DUPLICATE',
      message: 'A credential named Agent-oauth already exists.',
      actions: ['Remove it first with `agentcore remove credential --name Agent-oauth`, or choose another name.'],
    });
  });

  it('refuses to reuse a credential of another kind, naming that kind', () => {
    expect(refusal(() => applyCredentialPlans(draft(), ctx, [plan('reuse')]))).toEqual({
      code: 'ERR_DUPLICATE',
      message: 'Credential Agent-oauth exists but is an ApiKeyCredentialProvider.',
      actions: ['Remove or rename the existing credential Agent-oauth.'],
    });
  });
});
