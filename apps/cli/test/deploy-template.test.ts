/**
 * The template `deploy` submits — synth's template extended with the IAM roles and the id outputs — checked
 * against AWS's CloudFormation resource specification like synth's own output, roles' policies included.
 */
import { describe, expect, it } from 'vitest';
import { StrategyRegistry } from '@agentcore/auth';
import { apiKeyStrategy } from '@agentcore/auth-apikey';
import { buildPlan, extendTemplate, type Template } from '@agentcore/deploy';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeTemplate } from '../src/synth/index.js';
import { templateNames } from '../src/operations/deploy-inputs.js';
import { validateTemplate } from './cfn-spec.js';
import { fakeJwtStrategy } from './strategy-fakes.js';
import { sampleProject } from './synth.test.js';

const registry = new StrategyRegistry({}).register(fakeJwtStrategy).register(apiKeyStrategy);

function synth(): Template {
  return synthesizeTemplate(sampleProject(), { registry, credentialArns: {} }).template as Template;
}

describe('deploy template', () => {
  it('validates against the CloudFormation resource specification, roles included', () => {
    const { template, roles } = extendTemplate(synth());
    expect(roles.sort()).toEqual(['GatewayQuietRole', 'GatewayToolsRole', 'RuntimeAgentRole', 'RuntimeBoxedRole']);
    expect(validateTemplate(template)).toEqual([]);
    const agent = template.Resources.RuntimeAgent?.Properties;
    expect(agent?.RoleArn).toEqual({ 'Fn::GetAtt': ['RuntimeAgentRole', 'Arn'] });
    expect(template.Parameters?.RuntimeAgentRoleArn).toBeUndefined();
  });

  it('scopes the gateway role to its own providers and their secrets', () => {
    const { template } = extendTemplate(synth());
    const policy = JSON.stringify(template.Resources.GatewayToolsRole?.Properties.Policies);
    expect(policy).toContain('"bedrock-agentcore:GetResourceApiKey"');
    expect(policy).toContain('{"Ref":"MyKeyProviderArn"}');
    expect(policy).toContain('{"Ref":"OtherKeyProviderArn"}');
    expect(policy).toContain('{"Ref":"MyKeySecretArn"}');
    expect(policy).not.toContain('GetResourceOauth2Token');
    expect(template.Parameters?.MyKeySecretArn?.Type).toBe('String');
    // the quiet gateway has no targets: no provider actions at all
    expect(JSON.stringify(template.Resources.GatewayQuietRole?.Properties.Policies)).not.toContain('GetResourceApiKey');
  });

  it('keeps a configured executionRoleArn and adds no role for it', () => {
    const config = sampleProject();
    const first = config.runtimes[0];
    if (first) first.executionRoleArn = 'arn:aws:iam::123456789012:role/mine';
    const raw = synthesizeTemplate(config, { registry, credentialArns: {} }).template as Template;
    const { template, roles } = extendTemplate(raw);
    expect(roles).not.toContain('RuntimeAgentRole');
    expect(template.Resources.RuntimeAgent?.Properties.RoleArn).toBe('arn:aws:iam::123456789012:role/mine');
    expect(validateTemplate(template)).toEqual([]);
  });

  it('maps logical IDs back to config names and builds a plan with no secret in the template', () => {
    const config = sampleProject();
    const raw = synth();
    const names = templateNames(config, raw);
    expect(names.runtimes).toEqual({ RuntimeAgent: 'Agent', RuntimeBoxed: 'Boxed' });
    expect(names.gateways).toEqual({ GatewayTools: 'tools', GatewayQuiet: 'quiet' });
    expect(names.targets.GatewayToolsTargetSearch).toBe('tools/search');
    const root = mkdtempSync(join(tmpdir(), 'deploy-plan-'));
    mkdirSync(join(root, 'app/Agent'), { recursive: true });
    writeFileSync(join(root, 'app/Agent/main.py'), 'print(1)\n');
    const secret = 'sk-live-0123456789abcdef';
    const plan = buildPlan({
      project: 'Demo',
      target: 'default',
      root,
      template: raw,
      names,
      runtimes: [
        { name: 'Agent', logicalId: 'RuntimeAgent', build: 'CodeZip', codeLocation: 'app/Agent/' },
        { name: 'Boxed', logicalId: 'RuntimeBoxed', build: 'Container', codeLocation: 'app/Boxed/' },
      ],
      credentials: [{ name: 'MyKey', values: { kind: 'api-key', apiKey: secret } }],
      imageUris: { Boxed: '123456789012.dkr.ecr.us-east-1.amazonaws.com/boxed:1' },
      fingerprintKey: new Uint8Array(32).fill(7),
    });
    expect(plan.stackName).toBe('agentcore-Demo');
    expect(plan.templateBody).not.toContain(secret);
    expect(JSON.stringify(plan.snapshot)).not.toContain(secret);
    expect(plan.snapshot.targets['tools/search']).toEqual({
      type: 'API_KEY',
      credential: 'MyKey',
      location: 'QUERY_PARAMETER',
      parameterName: 'api_key',
    });
    expect(plan.fixedParameters.RuntimeBoxedImageUri).toContain('boxed:1');
  });

  it('refuses a Container runtime without an image URI, naming the flag', () => {
    const config = sampleProject();
    const raw = synth();
    let err: { code?: string; actions?: readonly string[] } = {};
    try {
      buildPlan({
        project: 'Demo',
        target: 'default',
        root: tmpdir(),
        template: raw,
        names: templateNames(config, raw),
        runtimes: [{ name: 'Boxed', logicalId: 'RuntimeBoxed', build: 'Container', codeLocation: 'app/Boxed/' }],
        credentials: [],
        fingerprintKey: new Uint8Array(32),
      });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('ERR_DEPLOY_IMAGE_REQUIRED');
    expect(err.actions?.[0]).toContain('--image-uri Boxed=');
  });
});
