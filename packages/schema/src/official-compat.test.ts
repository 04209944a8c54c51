/**
 * Compatibility with the official agentcore.json: the official example (without the API-key
 * placement block, which is our extension) and a legacy `agents[]` config load in our model composed with fake
 * CUSTOM_JWT / API_KEY variants; configs our model writes validate against both official JSON Schemas.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createProjectModel } from './model.js';
import { serializeConfig } from './store.js';
import type { InboundAuthVariant, OutboundAuthVariant } from './compose.js';
import { describeErrors, officialValidators } from '../test-fixtures/official-schemas.js';

const JwtConfig = z.strictObject({
  customJwtAuthorizer: z.strictObject({
    discoveryUrl: z.string(),
    allowedAudience: z.optional(z.array(z.string())),
    allowedClients: z.optional(z.array(z.string())),
    allowedScopes: z.optional(z.array(z.string())),
  }),
});
const FAKE_JWT: InboundAuthVariant = { type: 'CUSTOM_JWT', appliesTo: ['runtime', 'gateway'], configSchema: JwtConfig };
const FAKE_API_KEY: OutboundAuthVariant = {
  type: 'API_KEY',
  appliesTo: ['mcpServer', 'openApiSchema', 'apiGateway'],
  fieldsSchema: z.strictObject({
    credentialName: z.string(),
    apiKey: z.optional(z.strictObject({ parameterName: z.optional(z.string()), prefix: z.optional(z.string()) })),
  }),
};
const model = createProjectModel({ inbound: [FAKE_JWT], outbound: [FAKE_API_KEY] });

const DISCOVERY = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x/.well-known/openid-configuration';
/** The official repository's example (current shape), the target's `apiKey` placement block removed. */
const OFFICIAL_EXAMPLE = {
  name: 'Demo',
  version: 1,
  runtimes: [
    {
      name: 'AuthAgent',
      build: 'CodeZip',
      entrypoint: 'main.py',
      codeLocation: 'apps/AuthAgent/',
      runtimeVersion: 'PYTHON_3_14',
      protocol: 'HTTP',
      networkMode: 'PUBLIC',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: { discoveryUrl: DISCOVERY, allowedClients: ['client-abc'], allowedScopes: ['read'] },
      },
    },
  ],
  credentials: [
    {
      authorizerType: 'OAuthCredentialProvider',
      name: 'AuthAgent-oauth',
      discoveryUrl: DISCOVERY,
      vendor: 'CustomOauth2',
      managed: true,
      usage: 'inbound',
    },
    { authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' },
  ],
  agentCoreGateways: [
    {
      name: 'tools-gw',
      authorizerType: 'NONE',
      enableSemanticSearch: true,
      exceptionLevel: 'NONE',
      targets: [
        {
          name: 'secureTools',
          targetType: 'mcpServer',
          endpoint: 'https://api.example.com/mcp',
          outboundAuth: { type: 'API_KEY', credentialName: 'MyKey' },
        },
      ],
    },
  ],
};

describe('official agentcore.json compatibility', () => {
  const validators = officialValidators();

  it.each(validators.map((v) => [v.file, v] as const))(
    'the official example is valid for %s (fixture sanity)',
    (_file, v) => {
      expect(v.validate(OFFICIAL_EXAMPLE), describeErrors(v.validate)).toBe(true);
    },
  );

  it('loads the official example and writes it back unchanged', () => {
    const { config, warnings } = model.parse(OFFICIAL_EXAMPLE);
    expect(warnings).toEqual([]);
    expect(JSON.parse(serializeConfig(config))).toEqual(OFFICIAL_EXAMPLE);
  });

  it('writes what both official schemas accept', () => {
    const written = JSON.parse(serializeConfig(model.parse(OFFICIAL_EXAMPLE).config)) as unknown;
    for (const v of validators) expect(v.validate(written), `${v.file}\n${describeErrors(v.validate)}`).toBe(true);
  });

  it('loads a legacy agents[] config (credential `type`, agent `type: AgentCoreRuntime`) and writes the current shape', () => {
    const legacy = {
      name: 'Legacy',
      version: 1,
      agents: [
        {
          type: 'AgentCoreRuntime',
          name: 'Old',
          build: 'CodeZip',
          entrypoint: 'main.py',
          codeLocation: 'app/Old/',
          runtimeVersion: 'PYTHON_3_12',
          authorizerType: 'CUSTOM_JWT',
          authorizerConfiguration: { customJwtAuthorizer: { discoveryUrl: DISCOVERY, allowedAudience: ['api'] } },
        },
      ],
      credentials: [
        {
          type: 'OAuthCredentialProvider',
          name: 'Old-oauth',
          discoveryUrl: DISCOVERY,
          vendor: 'CustomOauth2',
          managed: true,
          usage: 'inbound',
        },
      ],
      agentCoreGateways: [],
    };
    const { config, warnings } = model.parse(legacy);
    expect(warnings.length).toBe(2);
    expect(config.runtimes[0]).toMatchObject({ name: 'Old', authorizerType: 'CUSTOM_JWT' });
    expect(config.runtimes[0]).not.toHaveProperty('type');
    expect(config.credentials[0]).toMatchObject({ authorizerType: 'OAuthCredentialProvider', name: 'Old-oauth' });
    const written = JSON.parse(serializeConfig(config)) as unknown;
    for (const v of validators) expect(v.validate(written), `${v.file}\n${describeErrors(v.validate)}`).toBe(true);
  });
});
