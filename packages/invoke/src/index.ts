/** @agentcore/invoke: invoke AgentCore runtimes over HTTP(S) with bearer, SigV4 or no auth, streaming SSE events. */
export * from './errors.js';
export * from './endpoint.js';
export * from './headers.js';
export * from './events.js';
export { invoke, type Invocation, type InvokeAuth, type InvokeOptions, type InvokeResult } from './invoke.js';
export { SIGV4_SERVICE, type AwsCredentials, type AwsCredentialsInput } from './sigv4.js';
