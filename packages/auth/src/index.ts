export * from './errors.js';
export * from './contract.js';
export * from './registry.js';
export * from './messages.js';
export * from './oidc/discovery.js';
export * from './oauth/index.js';
export * from './jwt/index.js';
