import { describe, expect, it } from 'vitest';
import { fromApiKeyAws, toApiKeyCloudFormation } from './cloud.js';
import { ApiKeyError } from './errors.js';
import type { ApiKeyOutboundAuth } from './placement.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey';
const ctx = { credentialNameForArn: (arn: string) => (arn === ARN ? 'MyKey' : undefined) };

/** CloudFormation PascalCase → API camelCase, the shape GetGatewayTarget returns. */
function toApiShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toApiShape);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), toApiShape(v)]),
  );
}

describe('toApiKeyCloudFormation', () => {
  it('makes the defaults explicit', () => {
    expect(toApiKeyCloudFormation({ type: 'API_KEY', credentialName: 'MyKey' }, { providerArn: ARN })).toEqual({
      CredentialProviderType: 'API_KEY',
      CredentialProvider: {
        ApiKeyCredentialProvider: {
          ProviderArn: ARN,
          CredentialLocation: 'HEADER',
          CredentialParameterName: 'x-api-key',
        },
      },
    });
  });
  it('emits the prefix with its separating space, and passes a CloudFormation expression through', () => {
    const ref = { 'Fn::GetAtt': ['MyKeyProvider', 'CredentialProviderArn'] };
    expect(
      toApiKeyCloudFormation(
        { type: 'API_KEY', credentialName: 'MyKey', apiKey: { parameterName: 'Authorization', prefix: 'Bearer' } },
        { providerArn: ref },
      ),
    ).toEqual({
      CredentialProviderType: 'API_KEY',
      CredentialProvider: {
        ApiKeyCredentialProvider: {
          ProviderArn: ref,
          CredentialLocation: 'HEADER',
          CredentialParameterName: 'Authorization',
          CredentialPrefix: 'Bearer ',
        },
      },
    });
  });
  it('needs a provider ARN', () => {
    expect(() => toApiKeyCloudFormation({ type: 'API_KEY', credentialName: 'MyKey' }, {})).toThrow(
      expect.objectContaining({ code: 'ERR_APIKEY_PROVIDER_ARN_MISSING' }),
    );
  });
});

describe('fromApiKeyAws', () => {
  const aws = (p: Record<string, unknown>) => ({
    credentialProviderType: 'API_KEY',
    credentialProvider: { apiKeyCredentialProvider: { providerArn: ARN, ...p } },
  });
  it('maps placement back, dropping defaults', () => {
    expect(fromApiKeyAws(aws({ credentialLocation: 'HEADER', credentialParameterName: 'x-api-key' }), ctx)).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
    });
    expect(fromApiKeyAws(aws({}), ctx)).toEqual({ type: 'API_KEY', credentialName: 'MyKey' });
    expect(
      fromApiKeyAws(
        aws({ credentialLocation: 'QUERY_PARAMETER', credentialParameterName: 'api_key', credentialPrefix: 'Bearer ' }),
        ctx,
      ),
    ).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key', prefix: 'Bearer' },
    });
  });
  it('returns undefined for other credential provider types', () => {
    expect(
      fromApiKeyAws(
        { credentialProviderType: 'OAUTH', credentialProvider: { oauthCredentialProvider: { providerArn: ARN } } },
        ctx,
      ),
    ).toBeUndefined();
    expect(fromApiKeyAws({ credentialProviderType: 'GATEWAY_IAM_ROLE' }, ctx)).toBeUndefined();
    expect(fromApiKeyAws(null, ctx)).toBeUndefined();
  });
  it('throws a coded error with an action for an unknown provider ARN', () => {
    try {
      fromApiKeyAws(aws({}), { credentialNameForArn: () => undefined });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiKeyError);
      expect((err as ApiKeyError).code).toBe('ERR_APIKEY_PROVIDER_UNKNOWN');
      expect((err as ApiKeyError).actions[0]).toMatch(/agentcore add credential --type api-key/);
      expect((err as ApiKeyError).details).toEqual({ providerArn: ARN });
    }
  });
  it('throws a coded error for a malformed API_KEY entry', () => {
    expect(() => fromApiKeyAws({ credentialProviderType: 'API_KEY' }, ctx)).toThrow(
      expect.objectContaining({ code: 'ERR_APIKEY_AWS_SHAPE_INVALID' }),
    );
  });
});

describe('round trip config → CloudFormation → AWS response → config', () => {
  const configs: ApiKeyOutboundAuth[] = [
    { type: 'API_KEY', credentialName: 'MyKey' },
    { type: 'API_KEY', credentialName: 'MyKey', apiKey: { parameterName: 'Authorization', prefix: 'Bearer' } },
    { type: 'API_KEY', credentialName: 'MyKey', apiKey: { location: 'QUERY_PARAMETER' } },
    {
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key', prefix: 'Token' },
    },
    { type: 'API_KEY', credentialName: 'MyKey', apiKey: { parameterName: 'X-Tools-Key' } },
  ];
  it.each(configs)('%j', (config) => {
    expect(fromApiKeyAws(toApiShape(toApiKeyCloudFormation(config, { providerArn: ARN })), ctx)).toEqual(config);
  });
});
