export * from './errors.js';
export * from './contract.js';
export * from './registry.js';
export * from './messages.js';
