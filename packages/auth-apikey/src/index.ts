export * from './strategy.js';
export * from './placement.js';
export * from './request.js';
export * from './cloud.js';
export * from './errors.js';
export { API_KEY_FLAGS, API_KEY_VALUE_ENV, apiKeyFromFlags, apiKeyPrompts } from './flags.js';
