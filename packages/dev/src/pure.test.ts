import { describe, expect, it } from 'vitest';
import { agentCommand, agentEnv } from './agent-process.js';
import { allowedByList, forwardRequestHeaders, matchRuntime } from './forwarding.js';
import { oidcRequirements, planDev, withDiscoveryUrl } from './plan.js';
import { redact, upstreamFailure } from './outbound.js';
import { StrategyRegistry } from '@agentcore/auth';
import { testRegistry } from './test-helpers/strategies.js';
import { config } from './test-helpers/project.js';

describe('pure helpers', () => {
  it('agentCommand picks node or python3 and strips a handler suffix', () => {
    expect(agentCommand('main.js').command).toBe(process.execPath);
    expect(agentCommand('main.py:app')).toEqual({ command: 'python3', args: ['-u', 'main.py'] });
    expect(() => agentCommand('main.rb')).toThrow(expect.objectContaining({ code: 'ERR_DEV_ENTRYPOINT' }));
  });

  it('agentEnv has only PATH/HOME-like basics, envVars, PORT and HOST', () => {
    const env = agentEnv(
      [
        { name: 'A', value: '1' },
        { name: 'PORT', value: 'x' },
      ],
      1234,
      '127.0.0.1',
      { PATH: '/bin', AGENTCORE_CREDENTIAL_X_CLIENT_SECRET: 's', AWS_SECRET_ACCESS_KEY: 'k' },
    );
    expect(env).toEqual({ PATH: '/bin', A: '1', PORT: '1234', HOST: '127.0.0.1', PYTHONUNBUFFERED: '1' });
  });

  it('header allow-list: exact names, case-insensitive, trailing * as prefix; Authorization only when listed', () => {
    expect(allowedByList('authorization', ['Authorization'])).toBe(true);
    expect(
      allowedByList('x-amzn-bedrock-agentcore-runtime-custom-a', ['X-Amzn-Bedrock-AgentCore-Runtime-Custom-*']),
    ).toBe(true);
    expect(forwardRequestHeaders({ authorization: 'Bearer t', accept: 'text/event-stream', cookie: 'c' })).toEqual({
      accept: 'text/event-stream',
    });
  });

  it('matchRuntime accepts names and ARNs', () => {
    expect(matchRuntime('Echo', ['Echo'])).toBe('Echo');
    expect(matchRuntime('arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/Demo_Echo-AbC123', ['Echo'])).toBe(
      'Echo',
    );
    expect(matchRuntime('Other', ['Echo'])).toBeUndefined();
  });

  it('withDiscoveryUrl copies; oidcRequirements reads scopes and the first audience', () => {
    const c = {
      customJwtAuthorizer: {
        discoveryUrl: 'https://a/.well-known/openid-configuration',
        allowedScopes: ['s1'],
        allowedAudience: ['aud1', 'aud2'],
      },
    };
    const swapped = withDiscoveryUrl(c, 'http://127.0.0.1:1/.well-known/openid-configuration');
    expect(swapped.customJwtAuthorizer.discoveryUrl).toBe('http://127.0.0.1:1/.well-known/openid-configuration');
    expect(c.customJwtAuthorizer.discoveryUrl).toBe('https://a/.well-known/openid-configuration');
    expect(oidcRequirements(c)).toEqual({ scopes: ['s1'], audience: 'aud1' });
  });

  it('planDev: unknown runtime and uninstalled strategies are coded errors', () => {
    const cfg = config({
      runtimes: [
        {
          name: 'A',
          build: 'CodeZip',
          entrypoint: 'main.js',
          codeLocation: 'app/A',
          authorizerType: 'CUSTOM_JWT',
          authorizerConfiguration: {},
        },
      ],
    });
    expect(() => planDev(cfg, testRegistry(), { runtimes: ['B'] })).toThrow(
      expect.objectContaining({ code: 'ERR_DEV_RUNTIME_NOT_FOUND' }),
    );
    expect(() => planDev(cfg, new StrategyRegistry())).toThrow(expect.objectContaining({ code: 'ERR_DEV_STRATEGY' }));
  });

  it('upstream failures name the target and never the secret', () => {
    const target = {
      name: 't1',
      targetType: 'mcpServer',
      endpoint: 'http://127.0.0.1:9/mcp?x=1',
      authType: 'API_KEY',
      redactions: new Set(['sekrit-value']),
    };
    expect(upstreamFailure(target, Object.assign(new Error('body sekrit-value'), { code: 401 }))).toMatch(
      /^Target t1: .* 401: check the credential and the placement/,
    );
    expect(upstreamFailure(target, new Error('oops sekrit-value'))).not.toContain('sekrit-value');
    expect(redact('a sekrit-value b', ['sekrit-value'])).toBe('a **** b');
  });
});

describe('decision cache', () => {
  it('accepts a verified Authorization again without verifying, never past exp, per resource; denials are not cached', async () => {
    const { DecisionCache } = await import('./decision-cache.js');
    const { decideInbound } = await import('./inbound.js');
    let now = 1_000_000_000_000;
    const store = new DecisionCache({ ttlMs: 30_000, now: () => now });
    let calls = 0;
    const strategy = {
      ...(await import('./test-helpers/strategies.js')).testJwt,
      verify: async (req: { headers: Record<string, unknown> }) => {
        calls++;
        return req.headers.authorization === 'Bearer good'
          ? { ok: true as const, principal: { scopes: [], claims: { exp: now / 1000 + 10 } } }
          : { ok: false as const, status: 401 as const, rule: 'signature', reason: 'bad' };
      },
    };
    const req = (auth: string) => ({ method: 'POST', url: 'http://x/', headers: { authorization: auth } });
    const decide = (auth: string, scope = 'A') =>
      decideInbound('CUSTOM_JWT', strategy as never, {}, req(auth), {}, { store, scope });
    expect((await decide('Bearer good')).ok).toBe(true);
    expect((await decide('Bearer good')).ok).toBe(true);
    expect(calls).toBe(1);
    expect((await decide('Bearer good', 'B')).ok).toBe(true);
    expect(calls).toBe(2);
    now += 11_000; // past the token's exp (10 s): verify again
    await decide('Bearer good');
    expect(calls).toBe(3);
    await decide('Bearer bad');
    await decide('Bearer bad');
    expect(calls).toBe(5);
  });
});
