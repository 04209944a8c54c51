import { describe, expect, it } from 'vitest';
import { protectedResourceMetadata, resourceMetadataUrl, withResourceMetadata } from './resource-metadata.js';

const jwt = {
  customJwtAuthorizer: {
    discoveryUrl: 'http://127.0.0.1:4000/oidc/.well-known/openid-configuration',
    allowedClients: ['c'],
    allowedScopes: ['tools:call', 'invoke'],
  },
};
const resource = 'http://127.0.0.1:5000/gateways/tools/mcp';

describe('RFC 9728 protected resource metadata (pure)', () => {
  it('puts the well-known path between the host and the resource path', () => {
    expect(resourceMetadataUrl(resource)).toBe(
      'http://127.0.0.1:5000/.well-known/oauth-protected-resource/gateways/tools/mcp',
    );
  });

  it('names the issuer (discovery URL without its well-known suffix) and the allowed scopes', () => {
    expect(protectedResourceMetadata(resource, jwt)).toEqual({
      resource,
      authorization_servers: ['http://127.0.0.1:4000/oidc'],
      scopes_supported: ['tools:call', 'invoke'],
      bearer_methods_supported: ['header'],
    });
    expect(protectedResourceMetadata(resource, undefined)).toBeUndefined();
  });

  it('adds resource_metadata to the challenge of a 401 only, and only for OIDC authorizers', () => {
    const denial = {
      status: 401 as const,
      message: 'm',
      rule: 'token',
      reason: 'r',
      wwwAuthenticate: 'Bearer realm="agentcore"',
    };
    expect(withResourceMetadata(denial, resource, jwt).wwwAuthenticate).toBe(
      `Bearer realm="agentcore", resource_metadata="${resourceMetadataUrl(resource)}"`,
    );
    expect(withResourceMetadata({ ...denial, status: 403 }, resource, jwt).wwwAuthenticate).toBe(
      'Bearer realm="agentcore"',
    );
    expect(withResourceMetadata(denial, resource, undefined)).toBe(denial);
  });
});
