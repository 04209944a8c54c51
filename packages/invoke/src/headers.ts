/** Pure: the request headers of an invocation (DOMAIN.md §C.1, §C.3; custom headers merged on every path, #1052). */
import { InvokeError } from './errors.js';

export const SESSION_ID_HEADER = 'x-amzn-bedrock-agentcore-runtime-session-id';
export const USER_ID_HEADER = 'x-amzn-bedrock-agentcore-runtime-user-id';

export interface InvokeHeaderOptions {
  stream: boolean;
  sessionId?: string;
  userId?: string;
  headers?: Readonly<Record<string, string>>;
}

/** Lower-cased header map: defaults, then the caller's headers (which may override Accept and the like). */
export function buildInvokeHeaders(options: InvokeHeaderOptions): Record<string, string> {
  const out: Record<string, string> = {
    'content-type': 'application/json',
    accept: options.stream ? 'application/json, text/event-stream' : 'application/json',
  };
  if (options.sessionId) out[SESSION_ID_HEADER] = options.sessionId;
  if (options.userId) out[USER_ID_HEADER] = options.userId;
  for (const [name, value] of Object.entries(options.headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `"Name: Value"` → `[name, value]`, as given to `-H`. */
export function parseHeaderLine(line: string): [string, string] {
  const i = line.indexOf(':');
  const name = i > 0 ? line.slice(0, i).trim() : '';
  if (!TOKEN.test(name)) {
    throw new InvokeError('ERR_INVOKE_INPUT', `"${line.slice(0, 80)}" is not a header: expected "Name: Value".`, {
      actions: ['Write each header as -H "Name: Value".'],
      details: { header: line.slice(0, 80) },
    });
  }
  return [name, line.slice(i + 1).trim()];
}
