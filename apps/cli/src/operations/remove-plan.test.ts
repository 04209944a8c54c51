import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '@agentcore/schema';
import {
  applyRemoval,
  findCredentialReferences,
  planRemoval,
  type PlanRemovalResult,
  type RemovalPlan,
} from './remove-plan.js';

const runtime = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  build: 'CodeZip' as const,
  entrypoint: 'main.js',
  codeLocation: `app/${name}/`,
  ...extra,
});

function project(): ProjectConfig {
  return {
    name: 'Demo',
    version: 1,
    runtimes: [
      runtime('Echo', {
        authorizerType: 'CUSTOM_JWT',
        authorizerConfiguration: {
          customJwtAuthorizer: { discoveryUrl: 'https://idp/.well-known/openid-configuration' },
        },
      }),
      runtime('Plain'),
    ],
    credentials: [
      { authorizerType: 'OAuthCredentialProvider', name: 'Echo-oauth', managed: true, usage: 'inbound' },
      { authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' },
      { authorizerType: 'OAuthCredentialProvider', name: 'gw-oauth', managed: true, usage: 'inbound' },
    ],
    agentCoreGateways: [
      {
        name: 'gw',
        authorizerType: 'CUSTOM_JWT',
        targets: [
          {
            name: 'weather',
            targetType: 'mcpServer',
            endpoint: 'https://w.example.com/mcp',
            outboundAuth: { type: 'API_KEY', credentialName: 'MyKey' },
          },
          { name: 'open', targetType: 'mcpServer', endpoint: 'https://o.example.com/mcp' },
        ],
      },
      { name: 'other', targets: [{ name: 'open', targetType: 'mcpServer', endpoint: 'https://o.example.com/mcp' }] },
    ],
  };
}

function planOf(r: PlanRemovalResult): RemovalPlan {
  if (!r.ok) throw new Error(`expected a plan, got ${JSON.stringify(r.failure)}`);
  return r.plan;
}

describe('planRemoval', () => {
  it('removes an agent with its managed credential and both env keys', () => {
    const plan = planOf(planRemoval(project(), { kind: 'agent', name: 'Echo' }));
    expect(plan.removes).toEqual([
      { kind: 'runtime', name: 'Echo', path: 'runtimes.0', why: 'requested' },
      { kind: 'credential', name: 'Echo-oauth', path: 'credentials.0', why: 'managed' },
    ]);
    expect(plan.envKeys).toEqual([
      'AGENTCORE_CREDENTIAL_ECHO_OAUTH_CLIENT_ID',
      'AGENTCORE_CREDENTIAL_ECHO_OAUTH_CLIENT_SECRET',
    ]);
    expect(plan.blockedBy).toEqual([]);
  });

  it('keeps a managed credential that another resource still uses', () => {
    const config = project();
    config.agentCoreGateways.push({ name: 'Echo', targets: [] });
    const plan = planOf(planRemoval(config, { kind: 'agent', name: 'Echo' }));
    expect(plan.removes.map((r) => r.kind)).toEqual(['runtime']);
    expect(plan.envKeys).toEqual([]);
    expect(plan.kept).toEqual([
      { credential: 'Echo-oauth', reason: 'managed', by: 'gateway Echo', path: 'agentCoreGateways.2.name' },
    ]);
  });

  it('leaves a non-managed credential of the same name alone', () => {
    const config = project();
    config.credentials[0] = { authorizerType: 'OAuthCredentialProvider', name: 'Echo-oauth' };
    expect(planOf(planRemoval(config, { kind: 'agent', name: 'Echo' })).removes).toHaveLength(1);
  });

  it('removes a gateway with its targets and managed credential, but not the credentials targets use', () => {
    const plan = planOf(planRemoval(project(), { kind: 'gateway', name: 'gw' }));
    expect(plan.removes.map((r) => `${r.kind}:${r.name}:${r.why}`)).toEqual([
      'gateway:gw:requested',
      'gateway-target:weather:contained',
      'gateway-target:open:contained',
      'credential:gw-oauth:managed',
    ]);
    expect(plan.blockedBy).toEqual([]);
  });

  it('blocks removing a credential a target references', () => {
    const plan = planOf(planRemoval(project(), { kind: 'credential', name: 'MyKey' }));
    expect(plan.envKeys).toEqual(['AGENTCORE_CREDENTIAL_MYKEY']);
    expect(plan.blockedBy).toEqual([
      {
        credential: 'MyKey',
        reason: 'referenced',
        by: 'gateway gw target weather',
        path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName',
      },
    ]);
  });

  it('blocks removing the managed credential of an existing agent', () => {
    const plan = planOf(planRemoval(project(), { kind: 'credential', name: 'Echo-oauth' }));
    expect(plan.blockedBy).toEqual([
      { credential: 'Echo-oauth', reason: 'managed', by: 'agent Echo', path: 'runtimes.0.name' },
    ]);
  });

  it('finds a target by name alone when unique, and asks for --gateway when not', () => {
    const plan = planOf(planRemoval(project(), { kind: 'gateway-target', name: 'weather' }));
    expect(plan.removes).toEqual([
      {
        kind: 'gateway-target',
        name: 'weather',
        gateway: 'gw',
        path: 'agentCoreGateways.0.targets.0',
        why: 'requested',
      },
    ]);
    const ambiguous = planRemoval(project(), { kind: 'gateway-target', name: 'open' });
    expect(ambiguous).toMatchObject({
      ok: false,
      failure: { missing: 'gateway-target', ambiguousIn: ['gw', 'other'] },
    });
    expect(
      planOf(planRemoval(project(), { kind: 'gateway-target', name: 'open', gateway: 'other' })).removes[0]?.path,
    ).toBe('agentCoreGateways.1.targets.0');
  });

  it('reports what is missing with the names that exist', () => {
    expect(planRemoval(project(), { kind: 'agent', name: 'Nope' })).toEqual({
      ok: false,
      failure: { missing: 'agent', name: 'Nope', available: ['Echo', 'Plain'] },
    });
    expect(planRemoval(project(), { kind: 'gateway-target', name: 'x', gateway: 'nope' })).toMatchObject({
      ok: false,
      failure: { missing: 'gateway', available: ['gw', 'other'] },
    });
    expect(planRemoval(project(), { kind: 'gateway-target', name: 'x', gateway: 'gw' })).toMatchObject({
      ok: false,
      failure: { missing: 'gateway-target', gateway: 'gw', available: ['weather', 'open'] },
    });
    expect(planRemoval(project(), { kind: 'credential', name: 'x' })).toMatchObject({
      ok: false,
      failure: { available: ['Echo-oauth', 'MyKey', 'gw-oauth'] },
    });
  });
});

describe('applyRemoval', () => {
  it('applies exactly the plan', () => {
    const config = project();
    applyRemoval(config, planOf(planRemoval(config, { kind: 'gateway-target', name: 'open', gateway: 'gw' })));
    expect(config.agentCoreGateways.map((g) => g.targets.map((t) => t.name))).toEqual([['weather'], ['open']]);
    applyRemoval(config, planOf(planRemoval(config, { kind: 'agent', name: 'Echo' })));
    expect(config.runtimes.map((r) => r.name)).toEqual(['Plain']);
    expect(config.credentials.map((c) => c.name)).toEqual(['MyKey', 'gw-oauth']);
  });
});

describe('findCredentialReferences', () => {
  it('finds credentialName anywhere inside resources, skipping removed paths', () => {
    const config = project();
    const refs = findCredentialReferences(config).map((r) => `${r.credential}<-${r.by}`);
    expect(refs).toEqual(['Echo-oauth<-agent Echo', 'gw-oauth<-gateway gw', 'MyKey<-gateway gw target weather']);
    expect(
      findCredentialReferences(config, (p) => p.startsWith('agentCoreGateways.0')).map((r) => r.credential),
    ).toEqual(['Echo-oauth']);
  });
});
