import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { validateTemplate } from './cfn-spec.js';

const D = 'https://idp.example.com/.well-known/openid-configuration';
const CLAIMS = JSON.stringify([
  {
    inboundTokenClaimName: 'dept',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'eng' } },
  },
]);
const KEY_ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey';

interface SynthOut {
  out?: string;
  template?: {
    Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
    Parameters?: Record<string, unknown>;
  };
  resources: Record<string, string>;
  parameters: string[];
  deployTarget?: string;
}

describe('agentcore synth (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const ok = async (args: string[], input?: string) => {
    const r = await sb.run(args, { cwd: root, input });
    expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
    return r;
  };

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await ok(
      ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'],
      'secret-key-value-1',
    );
    await ok([
      'add',
      'agent',
      '--name',
      'Agent',
      '--template',
      'python',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      D,
      '--allowed-clients',
      'c1',
      '--custom-claims',
      CLAIMS,
      '--json',
    ]);
    await ok([
      'add',
      'gateway',
      '--name',
      'tools',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      D,
      '--allowed-scopes',
      'tools:read',
      '--json',
    ]);
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'search',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://mcp.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--api-key-location',
      'query_parameter',
      '--api-key-parameter-name',
      'api_key',
      '--json',
    ]);
    await writeFile(
      join(root, 'pets.json'),
      JSON.stringify({ openapi: '3.0.0', info: { title: 'pets', version: '1' }, paths: {} }),
    );
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'pets',
      '--type',
      'open-api-schema',
      '--schema',
      'pets.json',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--json',
    ]);
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'stage',
      '--type',
      'api-gateway',
      '--rest-api-id',
      'abc123',
      '--stage',
      'prod',
      '--tool-filter',
      '/pets:GET',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
      '--api-key-parameter-name',
      'Authorization',
      '--api-key-prefix',
      'Bearer',
      '--json',
    ]);
  });
  afterAll(() => sb.cleanup());

  it('emits a template whose every resource validates against the AWS resource specification', async () => {
    const r = await ok(['synth', '--json']);
    const result = r.json?.result as SynthOut;
    const t = result.template;
    if (!t) throw new Error('no template');
    expect(validateTemplate(t)).toEqual([]);
    expect(Object.values(result.resources).sort()).toEqual([
      'AWS::BedrockAgentCore::Gateway',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::Runtime',
    ]);
    expect(t.Resources.RuntimeAgent?.Properties.AuthorizerConfiguration.CustomJWTAuthorizer.CustomClaims).toHaveLength(
      1,
    );
    expect(t.Resources.GatewayTools?.Properties).toMatchObject({
      AuthorizerType: 'CUSTOM_JWT',
      AuthorizerConfiguration: { CustomJWTAuthorizer: { AllowedScopes: ['tools:read'] } },
    });
    const apiKey = (id: string) =>
      t.Resources[id]?.Properties.CredentialProviderConfigurations[0].CredentialProvider.ApiKeyCredentialProvider;
    expect(apiKey('GatewayToolsTargetSearch')).toEqual({
      CredentialLocation: 'QUERY_PARAMETER',
      CredentialParameterName: 'api_key',
      ProviderArn: { Ref: 'MyKeyProviderArn' },
    });
    expect(apiKey('GatewayToolsTargetPets')).toEqual({
      CredentialLocation: 'HEADER',
      CredentialParameterName: 'x-api-key',
      ProviderArn: { Ref: 'MyKeyProviderArn' },
    });
    expect(apiKey('GatewayToolsTargetStage')).toEqual({
      CredentialLocation: 'HEADER',
      CredentialParameterName: 'Authorization',
      CredentialPrefix: 'Bearer ',
      ProviderArn: { Ref: 'MyKeyProviderArn' },
    });
    expect(
      t.Resources.GatewayToolsTargetPets?.Properties.TargetConfiguration.Mcp.OpenApiSchema.InlinePayload,
    ).toContain('"openapi"');
    expect(r.stdout + r.stderr).not.toContain('secret-key-value-1');
  });

  it('takes provider ARNs from deployed state and writes a deterministic file with --out', async () => {
    await mkdir(join(root, 'agentcore', '.cli'), { recursive: true });
    await writeFile(
      join(root, 'agentcore', '.cli', 'deployed-state.json'),
      JSON.stringify({
        targets: { default: { resources: { credentials: { MyKey: { credentialProviderArn: KEY_ARN } } } } },
      }),
    );
    const a = (await ok(['synth', '--out', 'out/a.json', '--target', 'default', '--json'])).json?.result as SynthOut;
    await ok(['synth', '--out', 'out/b.json', '--json']);
    const text = await readFile(join(root, 'out', 'a.json'), 'utf8');
    expect(text).toBe(await readFile(join(root, 'out', 'b.json'), 'utf8'));
    expect(a).toMatchObject({ out: join(root, 'out', 'a.json'), deployTarget: 'default' });
    expect(a.parameters).not.toContain('MyKeyProviderArn');
    const t = JSON.parse(text);
    expect(validateTemplate(t)).toEqual([]);
    expect(
      t.Resources.GatewayToolsTargetSearch.Properties.CredentialProviderConfigurations[0].CredentialProvider
        .ApiKeyCredentialProvider.ProviderArn,
    ).toBe(KEY_ARN);
  });

  it('fails with coded errors for an unknown deploy target and leaves the project unchanged', async () => {
    const before = await snapshotProject(root);
    const r = await sb.run(['synth', '--target', 'prod', '--json'], { cwd: root });
    expect(r.exitCode).toBe(1);
    expect(r.json).toMatchObject({ code: 'ERR_SYNTH_TARGET_UNKNOWN', details: { known: ['default'] } });
    expect(r.json?.actions?.[0]).toContain('default');
    expect(await snapshotProject(root)).toEqual(before);
  });
});
