/**
 * Synth: agentcore.json + strategies → CloudFormation. Kept inside the CLI app until a second consumer appears
 * (too small to be a package of its own); nothing here does I/O.
 */
export * from './errors.js';
export * from './template-types.js';
export * from './logical-ids.js';
export * from './auth.js';
export * from './runtime.js';
export * from './gateway.js';
export * from './target-configuration.js';
export * from './template.js';
