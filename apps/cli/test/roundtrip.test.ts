/**
 * Property: for generated valid projects, config → synth → (the responses AWS would return for that template) →
 * import → config is the identity, modulo elided defaults and values AWS assigns. Uses the real strategies
 * (CUSTOM_JWT, API_KEY, OAUTH) through the registry, and checks every template against the AWS resource spec.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertyParams } from '@agentcore/testkit/property';
import { StrategyRegistry } from '@agentcore/auth';
import { apiKeyStrategy } from '@agentcore/auth-apikey';
import { customJwtStrategy } from '@agentcore/auth-custom-jwt';
import { oauthStrategy } from '@agentcore/auth-oauth';
import { mapGateway, mapRuntime, readGateway, fileSource } from '@agentcore/import';
import {
  TARGET_TYPE_INFO,
  type Gateway,
  type GatewayTarget,
  type OutboundAuth,
  type ProjectConfig,
  type Runtime,
} from '@agentcore/schema';
import {
  effectiveRuntimeVersion,
  gatewayResourceName,
  providerArnParameter,
  runtimeResourceName,
  synthesizeTemplate,
} from '../src/synth/index.js';
import { validateTemplate } from './cfn-spec.js';
import { CREDENTIALS, project, providerArn } from './roundtrip-arbitraries.js';
import { templateToApiResponses } from './template-to-api.js';

const realRegistry = new StrategyRegistry()
  .register(customJwtStrategy)
  .register(apiKeyStrategy)
  .register(oauthStrategy);
const model = realRegistry.model();
const arns: Record<string, string> = Object.fromEntries(CREDENTIALS.map((c) => [c.name, providerArn(c.name)]));
const nameForArn = (arn: string) => Object.entries(arns).find(([, a]) => a === arn)?.[0];

/** Values a deploy would pass for the template's parameters. */
function deployParameters(names: readonly string[]): Record<string, string> {
  const byParam = Object.fromEntries(CREDENTIALS.map((c) => [providerArnParameter(c.name), providerArn(c.name)]));
  return Object.fromEntries(
    names.map((p) => [
      p,
      byParam[p] ?? (p.endsWith('RoleArn') ? `arn:aws:iam::123456789012:role/${p}` : `value-of-${p}`),
    ]),
  );
}

function normalizeAuth(target: GatewayTarget, registry: StrategyRegistry): OutboundAuth | undefined {
  const auth = target.outboundAuth;
  if (!auth || auth.type === 'NONE' || auth.type === undefined) return undefined;
  if (auth.type === 'GATEWAY_IAM_ROLE' && !auth.service && TARGET_TYPE_INFO[target.targetType].iamRoleFallback)
    return undefined;
  const strategy = registry.find('outbound', auth.type)?.strategy;
  return strategy?.direction === 'outbound' && strategy.elideDefaults
    ? strategy.elideDefaults(auth as { type: string })
    : auth;
}

/** The written config with defaults applied the way import writes them; AWS-assigned role ARNs dropped when the config had none. */
function normalizeGateway(g: Gateway, original: Gateway, registry: StrategyRegistry): Gateway {
  const { executionRoleArn, ...rest } = g;
  const targets = [...g.targets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => {
      const { outboundAuth: _drop, ...body } = t;
      const auth = normalizeAuth(t, registry);
      return { ...body, ...(auth ? { outboundAuth: auth } : {}) };
    });
  return {
    ...rest,
    authorizerType: g.authorizerType ?? 'NONE',
    enableSemanticSearch: g.enableSemanticSearch ?? true,
    exceptionLevel: g.exceptionLevel ?? 'NONE',
    ...(original.executionRoleArn && executionRoleArn ? { executionRoleArn } : {}),
    targets,
  };
}

function normalizeRuntime(r: Runtime, original: Runtime): Record<string, unknown> {
  const { executionRoleArn, authorizerType, runtimeVersion, ...rest } = r;
  return {
    ...rest,
    networkMode: r.networkMode ?? 'PUBLIC',
    ...(r.build === 'CodeZip' ? { runtimeVersion: runtimeVersion ?? effectiveRuntimeVersion(r) } : {}),
    ...(r.envVars ? { envVars: [...r.envVars].sort((a, b) => a.name.localeCompare(b.name)) } : {}),
    ...(authorizerType && authorizerType !== 'AWS_IAM' ? { authorizerType } : {}),
    ...(original.executionRoleArn && executionRoleArn ? { executionRoleArn } : {}),
  };
}

async function roundTrip(registry: StrategyRegistry, config: ProjectConfig, knownCredentials: string[]): Promise<void> {
  expect(model.check(config).issues).toEqual([]);
  const credentialArns = Object.fromEntries(knownCredentials.map((n) => [n, arns[n] ?? '']));
  const { template, parameters } = synthesizeTemplate(config, { registry, credentialArns });
  expect(validateTemplate(template)).toEqual([]);
  const api = templateToApiResponses(template, deployParameters(parameters));

  const imported: ProjectConfig = { ...config, runtimes: [], agentCoreGateways: [] };
  for (const rt of config.runtimes) {
    // By the runtime's identity in AWS (its name), never by a logical ID derived from the config name: two names
    // that differ only in case (`x`, `X`) share `RuntimeX`, and synth disambiguates one of them with a hash.
    const responses = Object.values(api.runtimes).filter(
      (x) => x.agentRuntimeName === runtimeResourceName(config.name, rt),
    );
    expect(responses, `AWS runtimes named ${runtimeResourceName(config.name, rt)}`).toHaveLength(1);
    const { runtime } = mapRuntime(responses[0] ?? {}, { projectName: config.name, registry });
    expect(normalizeRuntime(runtime, rt)).toEqual(normalizeRuntime(rt, rt));
    imported.runtimes.push(runtime);
  }
  for (const gw of config.agentCoreGateways) {
    const recorded = Object.values(api.gateways).filter(
      (x) => x.GetGateway.name === gatewayResourceName(config.name, gw),
    );
    expect(recorded, `AWS gateways named ${gatewayResourceName(config.name, gw)}`).toHaveLength(1);
    const responses = await readGateway(fileSource(recorded[0] ?? {}), '');
    const { gateway, warnings } = mapGateway(responses, {
      projectName: config.name,
      registry,
      credentialNameForArn: nameForArn,
    });
    expect(warnings).toEqual([]);
    expect(normalizeGateway(gateway, gw, registry)).toEqual(normalizeGateway(gw, gw, registry));
    imported.agentCoreGateways.push(gateway);
  }
  expect(model.check(imported).issues).toEqual([]);
}

describe('round trip: config → synth → AWS responses → import → config', () => {
  it('is the identity modulo elided defaults (fast-check, 250 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(project, fc.subarray(CREDENTIALS.map((c) => c.name)), (config, known) =>
        roundTrip(realRegistry, config, known),
      ),
      propertyParams({ numRuns: 250 }),
    );
  });

  // Counterexamples fast-check found, kept as explicit cases whatever the seed.
  it('tells apart runtimes whose names differ only in case (x and X share the logical ID RuntimeX)', async () => {
    const base = { entrypoint: 'main.py', networkMode: 'PUBLIC' as const };
    const config: ProjectConfig = {
      name: 'Demo',
      version: 1,
      credentials: CREDENTIALS.map((c) => ({ ...c })),
      runtimes: [
        { ...base, name: 'x', build: 'CodeZip', codeLocation: 'app/x/', runtimeVersion: 'PYTHON_3_12' },
        { ...base, name: 'X', build: 'Container', codeLocation: 'app/X/', description: 'upper' },
      ] as Runtime[],
      agentCoreGateways: [],
    };
    await roundTrip(realRegistry, config, []);
  });

  // The property must be able to fail: strategies that lose information the way the official import does
  // (API-key placement dropped; runtime custom claims dropped) are caught.
  it.each([
    [
      'API-key placement dropped',
      () =>
        new StrategyRegistry()
          .register(customJwtStrategy)
          .register(oauthStrategy)
          .register({
            ...apiKeyStrategy,
            fromAws: (c, ctx) => {
              const r = apiKeyStrategy.fromAws?.(c, ctx);
              return r && { type: r.type, credentialName: r.credentialName };
            },
          }),
    ],
    [
      'custom claims dropped',
      () =>
        new StrategyRegistry()
          .register(apiKeyStrategy)
          .register(oauthStrategy)
          .register({
            ...customJwtStrategy,
            fromAws: (c: unknown) => {
              const { customClaims: _dropped, ...rest } = customJwtStrategy.fromAws?.(c).customJwtAuthorizer ?? {
                discoveryUrl: '',
              };
              return { customJwtAuthorizer: rest };
            },
          }),
    ],
  ])('detects a lossy import (%s)', async (_label, lossy) => {
    const registry = lossy();
    const failure = await fc.check(
      fc.asyncProperty(project, (config) => roundTrip(registry, config, [])),
      propertyParams({ numRuns: 300 }),
    );
    expect(failure.failed).toBe(true);
  });
});
