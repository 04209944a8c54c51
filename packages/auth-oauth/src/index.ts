export * from './strategy.js';
export * from './schema.js';
export * from './request.js';
export * from './cloud.js';
export * from './errors.js';
export {
  OAUTH_CLIENT_SECRET_ENV,
  OAUTH_FLAGS,
  defaultOAuthCredentialName,
  oauthFromFlags,
  oauthPrompts,
} from './flags.js';
export {
  createTokenMemo,
  oauthTokenRequest,
  resolveOAuthSecret,
  type OAuthTokenMemo,
  type ResolveOAuthOptions,
} from './token.js';
