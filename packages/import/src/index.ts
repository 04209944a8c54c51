/**
 * @agentcore/import: pure mappers from AWS AgentCore control-plane responses to agentcore.json entries, reading
 * every auth block through the strategies of a {@link StrategyRegistry}, plus the sources those responses come
 * from (a recorded file, or AWS through a lazily loaded SDK client).
 */
export * from './errors.js';
export type * from './aws-shapes.js';
export * from './map-auth.js';
export * from './map-gateway.js';
export * from './map-runtime.js';
export * from './source.js';
export * from './file-source.js';
export * from './aws-source.js';
