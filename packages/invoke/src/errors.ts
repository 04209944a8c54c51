import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';

export type InvokeErrorCode =
  /** The target cannot be turned into a URL (bad ARN, bad URL, unknown partition). */
  | 'ERR_INVOKE_TARGET'
  /** Invalid caller input (a header line, a payload that is not JSON-serialisable). */
  | 'ERR_INVOKE_INPUT'
  /** The runtime answered with a non-2xx status. */
  | 'ERR_INVOKE_HTTP'
  /** No connection, or the connection failed before a response. */
  | 'ERR_INVOKE_NETWORK'
  /** The response stream broke or is not valid Server-Sent Events. */
  | 'ERR_INVOKE_STREAM'
  /** The agent answered, but reported an error (`{"error": …}`) — raised by callers that treat it as a failure. */
  | 'ERR_INVOKE_AGENT'
  /** The peer answered, but not in the protocol spoken (an MCP or A2A JSON-RPC error, a malformed reply). */
  | 'ERR_INVOKE_PROTOCOL'
  /** An MCP tool ran and reported a failure (`isError`). */
  | 'ERR_INVOKE_TOOL'
  /** The runtime's protocol is not supported by this client (AGUI). */
  | 'ERR_INVOKE_UNSUPPORTED'
  /** The caller aborted (signal). */
  | 'ERR_INVOKE_ABORTED'
  /** SigV4 signing failed (no AWS credentials, no region). */
  | 'ERR_INVOKE_SIGV4';

/** Errors of `@agentcore/invoke`; branch on `code`. Details never contain tokens or credentials. */
export class InvokeError extends AgentcoreError<InvokeErrorCode> {
  constructor(code: InvokeErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, { exitCode: code === 'ERR_INVOKE_ABORTED' ? 130 : 1, ...options });
  }
}
