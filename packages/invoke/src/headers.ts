/** Pure: the request headers of an invocation (custom headers merged on every auth path). */
import { InvokeError } from './errors.js';
import { invokeMessages } from './messages.js';

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
/** RFC 9110 §5.5: a field value holds no control characters other than horizontal tab (no CR, LF, NUL, DEL). */
const FIELD_VALUE_FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * `"Name: Value"` → `[name, value]`, as given to `-H`. A bad line is a usage error (exit 2), raised before any
 * network call; the error names the header but never repeats its value (it may be a credential).
 */
export function parseHeaderLine(line: string): [string, string] {
  const i = line.indexOf(':');
  const name = i > 0 ? line.slice(0, i).trim() : '';
  if (!TOKEN.test(name)) {
    throw new InvokeError(
      'ERR_INVOKE_INPUT',
      invokeMessages().get('error.NotHeader', { line: JSON.stringify(line.slice(0, 80)) }),
      {
        exitCode: 2,
        actions: invokeMessages().list('error.NotHeader.actions'),
        details: { header: line.slice(0, 80) },
      },
    );
  }
  const value = line.slice(i + 1).trim();
  if (FIELD_VALUE_FORBIDDEN.test(value)) {
    throw new InvokeError('ERR_INVOKE_INPUT', invokeMessages().get('error.HeaderControlChar', { name }), {
      exitCode: 2,
      actions: invokeMessages().list('error.HeaderControlChar.actions', { name }),
      details: { header: name },
    });
  }
  return [name, value];
}
