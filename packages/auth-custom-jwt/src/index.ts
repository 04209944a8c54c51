export * from './strategy.js';
export * from './schema.js';
export { fromAws, toCloudFormation } from './aws.js';
export { customJwtFromFlags } from './from-flags.js';
export { CustomJwtError, type CustomJwtErrorCode } from './errors.js';
export { claimsPromptSpec } from './claims-prompt.js';
