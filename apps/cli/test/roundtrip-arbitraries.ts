/** fast-check generators of valid agentcore.json projects for the synth ↔ import round trip (test-only). */
import fc from 'fast-check';
import type { Gateway, GatewayTarget, ProjectConfig, Runtime } from '@agentcore/schema';

export const CREDENTIALS = [
  { authorizerType: 'ApiKeyCredentialProvider' as const, name: 'MyKey' },
  { authorizerType: 'ApiKeyCredentialProvider' as const, name: 'partner-key' },
  {
    authorizerType: 'OAuthCredentialProvider' as const,
    name: 'idp_client',
    discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
    usage: 'outbound' as const,
  },
];
export const providerArn = (name: string) =>
  `arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/${name.startsWith('idp') ? 'oauth2' : 'apikey'}credentialprovider/${name}`;

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const matchValue = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);

const claim = fc.oneof(
  fc
    .record({ n: fc.stringMatching(/^[a-z][a-z0-9_.:-]{0,10}$/).filter((n) => n !== 'client_id'), v: matchValue })
    .map(({ n, v }) => ({
      inboundTokenClaimName: n,
      inboundTokenClaimValueType: 'STRING',
      authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: v } },
    })),
  fc.record({ n: fc.stringMatching(/^groups[a-z]{0,4}$/), v: matchValue }).map(({ n, v }) => ({
    inboundTokenClaimName: n,
    inboundTokenClaimValueType: 'STRING_ARRAY',
    authorizingClaimMatchValue: { claimMatchOperator: 'CONTAINS', claimMatchValue: { matchValueString: v } },
  })),
  fc
    .record({ n: fc.stringMatching(/^roles[a-z]{0,4}$/), v: fc.array(matchValue, { minLength: 1, maxLength: 3 }) })
    .map(({ n, v }) => ({
      inboundTokenClaimName: n,
      inboundTokenClaimValueType: 'STRING_ARRAY',
      authorizingClaimMatchValue: { claimMatchOperator: 'CONTAINS_ANY', claimMatchValue: { matchValueStringList: v } },
    })),
);

export const jwtConfig = fc
  .record({
    host: word,
    allowedAudience: maybe(fc.array(fc.stringMatching(/^[a-z][a-z0-9:/.-]{0,15}$/), { minLength: 1, maxLength: 3 })),
    allowedClients: maybe(fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { minLength: 1, maxLength: 3 })),
    allowedScopes: maybe(fc.array(fc.stringMatching(/^[a-z]{1,6}(:[a-z]{1,6})?$/), { minLength: 1, maxLength: 3 })),
    customClaims: maybe(fc.array(claim, { minLength: 1, maxLength: 3 })),
  })
  .filter((c) => Boolean(c.allowedAudience || c.allowedClients || c.allowedScopes || c.customClaims))
  .map(({ host, ...lists }) => ({
    customJwtAuthorizer: compact({
      discoveryUrl: `https://${host}.example.com/pool/.well-known/openid-configuration`,
      ...lists,
    }),
  }));

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
const apiKeyAuth = fc
  .record({
    credentialName: fc.constantFrom('MyKey', 'partner-key'),
    location: maybe(fc.constantFrom('HEADER' as const, 'QUERY_PARAMETER' as const)),
    parameterName: maybe(
      fc.oneof(headerName, fc.constant('x-api-key'), fc.constant('Authorization'), fc.constant('api_key')),
    ),
    prefix: maybe(fc.constantFrom('Bearer', 'Token', 'ApiKey', 'Basic ')),
    withBlock: fc.boolean(),
  })
  .map(({ credentialName, withBlock, ...p }) => {
    const placement = compact(p);
    return {
      type: 'API_KEY',
      credentialName,
      ...(withBlock && Object.keys(placement).length ? { apiKey: placement } : {}),
    };
  });
const oauthAuth = maybe(fc.array(fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?$/), { minLength: 1, maxLength: 2 })).map(
  (scopes) => compact({ type: 'OAUTH', credentialName: 'idp_client', scopes }),
);
const iamRole = fc
  .record({
    service: maybe(fc.constantFrom('bedrock-agentcore', 'execute-api')),
    region: maybe(fc.constantFrom('us-east-1', 'eu-west-1')),
  })
  .map(({ service, region }) => compact({ type: 'GATEWAY_IAM_ROLE', service, region: service ? region : undefined }));
const s3 = fc
  .record({ key: word, owner: maybe(fc.constant('123456789012')) })
  .map(({ key, owner }) => ({ s3: compact({ uri: `s3://schemas-bucket/${key}.json`, bucketOwnerAccountId: owner }) }));
const description = maybe(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/));

type TargetBody = Omit<GatewayTarget, 'name'>;
const withAuth = (body: Omit<TargetBody, 'outboundAuth'>, auth: fc.Arbitrary<Record<string, unknown> | undefined>) =>
  auth.map((outboundAuth) => compact({ ...body, outboundAuth }) as TargetBody);

const targetBody: fc.Arbitrary<TargetBody> = fc.oneof(
  fc
    .tuple(word, description)
    .chain(([h, d]) =>
      withAuth(
        compact({ targetType: 'mcpServer' as const, endpoint: `https://${h}.example.com/mcp`, description: d }),
        fc.oneof(fc.constant(undefined), fc.constant({ type: 'NONE' }), apiKeyAuth, oauthAuth, iamRole),
      ),
    ),
  s3.chain((schemaSource) =>
    withAuth({ targetType: 'openApiSchema', schemaSource }, fc.oneof(apiKeyAuth, oauthAuth, iamRole)),
  ),
  s3.chain((schemaSource) =>
    withAuth({ targetType: 'smithyModel', schemaSource }, fc.oneof(fc.constant(undefined), iamRole)),
  ),
  fc
    .record({
      id: fc.stringMatching(/^[a-z0-9]{6,10}$/),
      stage: word,
      path: word,
      methods: fc.uniqueArray(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), { minLength: 1, maxLength: 3 }),
      override: fc.boolean(),
    })
    .chain(({ id, stage, path, methods, override }) =>
      withAuth(
        {
          targetType: 'apiGateway',
          apiGateway: {
            restApiId: id,
            stage,
            apiGatewayToolConfiguration: {
              toolFilters: [{ filterPath: `/${path}`, methods }],
              ...(override
                ? { toolOverrides: [{ name: `get_${path}`, path: `/${path}`, method: methods[0] ?? 'GET' }] }
                : {}),
            },
          },
        },
        fc.oneof(fc.constant(undefined), apiKeyAuth, iamRole),
      ),
    ),
  word.map((fn): TargetBody => ({
    targetType: 'lambdaFunctionArn',
    lambdaFunctionArn: {
      lambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
      toolSchemaFile: `s3://tools/${fn}.json`,
    },
  })),
);

const target = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}[a-z0-9]$/), targetBody)
  .map(([name, body]) => ({ name, ...body }) as GatewayTarget);

const gateway: fc.Arbitrary<Gateway> = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5})?$/),
    description,
    auth: fc.oneof(
      fc.constant({}),
      fc.constant({ authorizerType: 'NONE' }),
      fc.constant({ authorizerType: 'AWS_IAM' }),
      jwtConfig.map((c) => ({ authorizerType: 'CUSTOM_JWT', authorizerConfiguration: c })),
    ),
    enableSemanticSearch: maybe(fc.boolean()),
    exceptionLevel: maybe(fc.constantFrom('NONE' as const, 'DEBUG' as const)),
    executionRoleArn: maybe(word.map((r) => `arn:aws:iam::123456789012:role/${r}`)),
    targets: fc.uniqueArray(target, { selector: (t) => t.name, maxLength: 4 }),
  })
  .map(({ auth, ...g }) => compact({ ...g, ...auth }) as Gateway);

const runtime: fc.Arbitrary<Runtime> = fc
  .record({
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,14}$/),
    build: fc.constantFrom('CodeZip' as const, 'Container' as const),
    lang: fc.constantFrom('py', 'js'),
    pinVersion: fc.boolean(),
    pyVersion: fc.constantFrom('PYTHON_3_10', 'PYTHON_3_11', 'PYTHON_3_12', 'PYTHON_3_13', 'PYTHON_3_14'),
    description,
    networkMode: maybe(fc.constantFrom('PUBLIC' as const, 'VPC' as const)),
    protocol: maybe(fc.constantFrom('HTTP' as const, 'MCP' as const, 'A2A' as const, 'AGUI' as const)),
    envVars: maybe(
      fc.uniqueArray(
        fc.record({ name: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), value: fc.string({ maxLength: 10 }) }),
        { selector: (e) => e.name, minLength: 1, maxLength: 3 },
      ),
    ),
    headers: maybe(
      fc.uniqueArray(
        fc.oneof(
          fc.constant('Authorization'),
          word.map((w) => `X-Amzn-Bedrock-AgentCore-Runtime-Custom-${w}`),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    executionRoleArn: maybe(word.map((r) => `arn:aws:iam::123456789012:role/${r}`)),
    life: maybe(
      fc
        .tuple(fc.integer({ min: 60, max: 28800 }), fc.integer({ min: 60, max: 28800 }))
        .map(([a, b]) => ({ idleRuntimeSessionTimeout: Math.min(a, b), maxLifetime: Math.max(a, b) })),
    ),
    auth: fc.oneof(
      fc.constant({}),
      fc.constant({ authorizerType: 'AWS_IAM' }),
      jwtConfig.map((c) => ({ authorizerType: 'CUSTOM_JWT', authorizerConfiguration: c })),
    ),
  })
  .map(({ lang, pinVersion, pyVersion, build, networkMode, headers, life, auth, ...r }) => {
    const code = build === 'CodeZip';
    return compact({
      ...r,
      build,
      entrypoint: code && lang === 'js' ? 'main.js' : 'main.py',
      codeLocation: `app/${r.name}/`,
      runtimeVersion: code && pinVersion ? (lang === 'js' ? 'NODE_22' : pyVersion) : undefined,
      networkMode,
      networkConfig:
        networkMode === 'VPC'
          ? { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] }
          : undefined,
      requestHeaderAllowlist: headers,
      lifecycleConfiguration: life,
      ...auth,
    }) as Runtime;
  });

export const project: fc.Arbitrary<ProjectConfig> = fc
  .record({
    runtimes: fc.uniqueArray(runtime, { selector: (r) => r.name, maxLength: 2 }),
    agentCoreGateways: fc.uniqueArray(gateway, { selector: (g) => g.name, maxLength: 2 }),
  })
  .map((p) => ({ name: 'Demo', version: 1, credentials: CREDENTIALS.map((c) => ({ ...c })), ...p }));
