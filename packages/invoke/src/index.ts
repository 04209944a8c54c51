/** @agentcore/invoke: invoke AgentCore runtimes over HTTP(S) with bearer, SigV4 or no auth — HTTP (SSE), MCP and A2A. */
export * from './errors.js';
export * from './endpoint.js';
export * from './headers.js';
export * from './events.js';
export { invoke, type Invocation, type InvokeAuth, type InvokeOptions, type InvokeResult } from './invoke.js';
export { authorizeRequest, regionOfUrl } from './authorize.js';
export {
  connectMcp,
  mcpUrl,
  MCP_SESSION_HEADER,
  type McpConnectOptions,
  type McpConnection,
  type McpToolList,
} from './mcp.js';
export {
  invokeA2a,
  a2aRequest,
  a2aParts,
  eventsFromA2aResult,
  type A2aOptions,
  type A2aResult,
  type A2aPart,
} from './a2a.js';
export { SIGV4_SERVICE, type AwsCredentials, type AwsCredentialsInput } from './sigv4.js';
