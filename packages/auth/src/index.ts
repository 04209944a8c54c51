export * from './errors.js';
export * from './contract.js';
export * from './registry.js';
export * from './credential-kind.js';
export * from './registry-credentials.js';
export {
  OAUTH_VENDOR_DEFAULT,
  OAuthCredentialFieldsSchema,
  type OAuthCredentialFields,
} from './credential-kinds/oauth.js';
export * from './messages.js';
export * from './oidc/discovery.js';
export * from './oauth/index.js';
export * from './jwt/index.js';
