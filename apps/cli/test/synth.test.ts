import { describe, expect, it } from 'vitest';
import { StrategyRegistry } from '@agentcore/auth';
import { apiKeyStrategy } from '@agentcore/auth-apikey';
import type { ProjectConfig } from '@agentcore/schema';
import { synthesizeTemplate, SynthError } from '../src/synth/index.js';
import { validateResource, validateTemplate } from './cfn-spec.js';
import { fakeJwtStrategy } from './strategy-fakes.js';

const registry = new StrategyRegistry({ installHints: { OAUTH: '@agentcore/auth-oauth' } })
  .register(fakeJwtStrategy)
  .register(apiKeyStrategy);
const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const jwt = {
  customJwtAuthorizer: {
    discoveryUrl: DISCOVERY,
    allowedClients: ['c1'],
    customClaims: [
      {
        inboundTokenClaimName: 'dept',
        inboundTokenClaimValueType: 'STRING',
        authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'eng' } },
      },
    ],
  },
};

export const sampleProject = (): ProjectConfig => ({
  name: 'Demo',
  version: 1,
  credentials: [
    { authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' },
    { authorizerType: 'ApiKeyCredentialProvider', name: 'other-key' },
  ],
  runtimes: [
    {
      name: 'Agent',
      build: 'CodeZip',
      entrypoint: 'main.py',
      codeLocation: 'app/Agent/',
      runtimeVersion: 'PYTHON_3_13',
      networkMode: 'PUBLIC',
      protocol: 'HTTP',
      envVars: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
      requestHeaderAllowlist: ['Authorization'],
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: jwt,
      tags: { team: 'x' },
    },
    { name: 'Boxed', build: 'Container', entrypoint: 'main.py', codeLocation: 'app/Boxed/' },
  ],
  agentCoreGateways: [
    {
      name: 'tools',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: jwt,
      enableSemanticSearch: true,
      exceptionLevel: 'DEBUG',
      targets: [
        {
          name: 'search',
          targetType: 'mcpServer',
          endpoint: 'https://mcp.example.com/mcp',
          outboundAuth: {
            type: 'API_KEY',
            credentialName: 'MyKey',
            apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
          },
        },
        {
          name: 'pets',
          targetType: 'openApiSchema',
          schemaSource: { s3: { uri: 's3://bucket/pets.json', bucketOwnerAccountId: '123456789012' } },
          outboundAuth: { type: 'API_KEY', credentialName: 'other-key' },
        },
        {
          name: 'stage',
          targetType: 'apiGateway',
          apiGateway: {
            restApiId: 'abc123',
            stage: 'prod',
            apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/pets', methods: ['GET'] }] },
          },
          outboundAuth: {
            type: 'API_KEY',
            credentialName: 'MyKey',
            apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
          },
        },
        {
          name: 'plain',
          targetType: 'apiGateway',
          apiGateway: {
            restApiId: 'abc123',
            stage: 'prod',
            apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/x', methods: ['POST'] }] },
          },
        },
        { name: 'open', targetType: 'mcpServer', endpoint: 'https://open.example.com/mcp' },
      ],
    },
    { name: 'quiet', authorizerType: 'NONE', enableSemanticSearch: false, targets: [] },
  ],
});

const props = (t: ReturnType<typeof synthesizeTemplate>['template'], id: string) => t.Resources[id]?.Properties ?? {};

describe('synthesizeTemplate', () => {
  const result = synthesizeTemplate(sampleProject(), {
    registry,
    credentialArns: {
      MyKey: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey',
    },
  });
  const t = result.template;

  it('validates every resource against the AWS resource specification', () => {
    expect(validateTemplate(t)).toEqual([]);
    expect(Object.values(result.resources).sort()).toEqual([
      'AWS::BedrockAgentCore::Gateway',
      'AWS::BedrockAgentCore::Gateway',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::GatewayTarget',
      'AWS::BedrockAgentCore::Runtime',
      'AWS::BedrockAgentCore::Runtime',
    ]);
  });

  it('writes API-key placement explicitly, with defaults filled in', () => {
    const search = props(t, 'GatewayToolsTargetSearch').CredentialProviderConfigurations as Record<string, any>[];
    expect(search).toEqual([
      {
        CredentialProvider: {
          ApiKeyCredentialProvider: {
            CredentialLocation: 'QUERY_PARAMETER',
            CredentialParameterName: 'api_key',
            ProviderArn:
              'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey',
          },
        },
        CredentialProviderType: 'API_KEY',
      },
    ]);
    const pets = (props(t, 'GatewayToolsTargetPets').CredentialProviderConfigurations as Record<string, any>[])[0]
      ?.CredentialProvider.ApiKeyCredentialProvider;
    expect(pets).toEqual({
      CredentialLocation: 'HEADER',
      CredentialParameterName: 'x-api-key',
      ProviderArn: { Ref: 'OtherKeyProviderArn' },
    });
    const stage = (props(t, 'GatewayToolsTargetStage').CredentialProviderConfigurations as Record<string, any>[])[0]
      ?.CredentialProvider.ApiKeyCredentialProvider;
    expect(stage).toMatchObject({
      CredentialLocation: 'HEADER',
      CredentialParameterName: 'Authorization',
      CredentialPrefix: expect.stringMatching(/^Bearer/),
    });
  });

  it('uses the built-ins: GATEWAY_IAM_ROLE for fallback types, nothing for open MCP servers', () => {
    expect(props(t, 'GatewayToolsTargetPlain').CredentialProviderConfigurations).toEqual([
      { CredentialProviderType: 'GATEWAY_IAM_ROLE' },
    ]);
    expect(props(t, 'GatewayToolsTargetOpen')).not.toHaveProperty('CredentialProviderConfigurations');
  });

  it('maps runtimes and gateways as the brief describes', () => {
    expect(props(t, 'RuntimeAgent')).toMatchObject({
      AgentRuntimeName: 'Demo_Agent',
      AuthorizerConfiguration: { CustomJWTAuthorizer: { DiscoveryUrl: DISCOVERY } },
      EnvironmentVariables: { A: '1', B: '2' },
      NetworkConfiguration: { NetworkMode: 'PUBLIC' },
      ProtocolConfiguration: 'HTTP',
      RequestHeaderConfiguration: { RequestHeaderAllowlist: ['Authorization'] },
      RoleArn: { Ref: 'RuntimeAgentRoleArn' },
    });
    expect(props(t, 'RuntimeBoxed')).not.toHaveProperty('AuthorizerConfiguration');
    expect(props(t, 'RuntimeBoxed').AgentRuntimeArtifact).toEqual({
      ContainerConfiguration: { ContainerUri: { Ref: 'RuntimeBoxedImageUri' } },
    });
    expect(props(t, 'GatewayTools')).toMatchObject({
      Name: 'Demo-tools',
      AuthorizerType: 'CUSTOM_JWT',
      ExceptionLevel: 'DEBUG',
      ProtocolType: 'MCP',
      ProtocolConfiguration: { Mcp: { SearchType: 'SEMANTIC' } },
    });
    expect(props(t, 'GatewayQuiet')).not.toHaveProperty('ProtocolConfiguration');
    expect(props(t, 'GatewayQuiet')).not.toHaveProperty('ExceptionLevel');
    expect(result.parameters).toContain('OtherKeyProviderArn');
    expect(result.parameters).not.toContain('MyKeyProviderArn');
  });

  it('is deterministic', () => {
    const again = synthesizeTemplate(sampleProject(), {
      registry,
      credentialArns: {
        MyKey: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey',
      },
    });
    expect(JSON.stringify(again.template)).toBe(JSON.stringify(t));
  });

  it('refuses unsupported combinations with coded errors', () => {
    const p = sampleProject();
    p.runtimes = [
      { name: 'Old', build: 'CodeZip', entrypoint: 'main.js', codeLocation: 'app/Old/', runtimeVersion: 'NODE_18' },
    ];
    expect(() => synthesizeTemplate(p, { registry })).toThrow(
      expect.objectContaining({ code: 'ERR_SYNTH_UNSUPPORTED' }),
    );
    const q = sampleProject();
    q.agentCoreGateways[0]?.targets.push({
      name: 'oauth',
      targetType: 'mcpServer',
      endpoint: 'https://x/mcp',
      outboundAuth: { type: 'OAUTH', credentialName: 'o' },
    });
    const err = (() => {
      try {
        synthesizeTemplate(q, { registry });
      } catch (e) {
        return e as SynthError;
      }
    })();
    expect(err?.code).toBe('ERR_SYNTH_STRATEGY_MISSING');
    expect(err?.actions[0]).toContain('@agentcore/auth-oauth');
  });

  it.each([
    [
      'a compute-hosted MCP server',
      { name: 'c', targetType: 'mcpServer', compute: { host: 'Lambda' } },
      'ERR_SYNTH_UNSUPPORTED',
      'Give the target an --endpoint, or deploy it with the official CLI.',
    ],
    [
      'an unreadable inline schema',
      {
        name: 'i',
        targetType: 'openApiSchema',
        schemaSource: { inline: { path: 'missing.json' } },
        outboundAuth: { type: 'API_KEY', credentialName: 'MyKey' },
      },
      'ERR_SYNTH_UNSUPPORTED',
      'Check that missing.json exists relative to the project root.',
    ],
    [
      'a lambda target',
      { name: 'l', targetType: 'lambda', compute: { host: 'Lambda' } },
      'ERR_SYNTH_UNSUPPORTED',
      'Deploy it with the official CLI, or remove it from the synthesized project.',
    ],
    [
      'a non-JSON tool schema',
      {
        name: 'f',
        targetType: 'lambdaFunctionArn',
        lambdaFunctionArn: {
          lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
          toolSchemaFile: 'tools.json',
        },
      },
      'ERR_SYNTH_UNSUPPORTED',
      'Fix the JSON in the tool schema file.',
    ],
  ])('refuses %s with a coded error and an action', (_label, target, code, action) => {
    const p = sampleProject();
    p.agentCoreGateways[0]?.targets.push(target as never);
    const err = (() => {
      try {
        synthesizeTemplate(p, { registry, files: { 'tools.json': 'not json' } });
      } catch (e) {
        return e as SynthError;
      }
    })();
    expect(err?.code).toBe(code);
    expect(err?.actions[0]).toBe(action);
  });

  it('checks AWS name limits and emits inline tool schemas in CloudFormation casing', () => {
    const long = sampleProject();
    long.runtimes = [{ name: 'A'.repeat(48), build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/x/' }];
    expect(() => synthesizeTemplate(long, { registry })).toThrow(
      expect.objectContaining({ code: 'ERR_SYNTH_NAME_INVALID' }),
    );
    const gw = sampleProject();
    gw.agentCoreGateways = [{ name: 'g'.repeat(50), targets: [] }];
    expect(() => synthesizeTemplate(gw, { registry })).toThrow(
      expect.objectContaining({ code: 'ERR_SYNTH_NAME_INVALID' }),
    );
    const tools = sampleProject();
    tools.agentCoreGateways = [
      {
        name: 'fn',
        targets: [
          {
            name: 'f',
            targetType: 'lambdaFunctionArn',
            lambdaFunctionArn: {
              lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
              toolSchemaFile: 'tools.json',
            },
          },
        ],
      },
    ];
    const defs = [
      {
        name: 'get_pet',
        description: 'Get a pet',
        inputSchema: {
          type: 'object',
          properties: { id: { type: 'string', description: 'id' }, tags: { type: 'array', items: { type: 'string' } } },
          required: ['id'],
        },
      },
    ];
    const { template } = synthesizeTemplate(tools, { registry, files: { 'tools.json': JSON.stringify(defs) } });
    expect(validateTemplate(template)).toEqual([]);
    expect(props(template, 'GatewayFnTargetF').TargetConfiguration).toMatchObject({
      Mcp: {
        Lambda: {
          ToolSchema: {
            InlinePayload: [
              {
                Name: 'get_pet',
                InputSchema: {
                  Type: 'object',
                  Required: ['id'],
                  Properties: { tags: { Type: 'array', Items: { Type: 'string' } } },
                },
              },
            ],
          },
        },
      },
    });
  });

  it('the checker itself catches wrong names, types, enums and missing required properties', () => {
    expect(
      validateResource('AWS::BedrockAgentCore::GatewayTarget', {
        Name: 'x',
        TargetConfiguration: { Mcp: { McpServer: { Endpoint: 'e' } } },
        CredentialProviderConfigurations: [
          {
            CredentialProviderType: 'API_KEY',
            CredentialProvider: {
              ApiKeyCredentialProvider: { ProviderArn: 'a', CredentialLocation: 'COOKIE', ParameterName: 'x' },
            },
          },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('COOKIE is not one of'),
        expect.stringContaining('ParameterName: unknown property'),
      ]),
    );
    expect(validateResource('AWS::BedrockAgentCore::Gateway', { Name: 3 })).toEqual(
      expect.arrayContaining([
        expect.stringContaining('expected a string'),
        expect.stringContaining('RoleArn: required'),
        expect.stringContaining('AuthorizerType: required'),
      ]),
    );
  });
});
