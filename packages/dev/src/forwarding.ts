/** Which request headers reach an agent, and which response headers come back (pure). */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export const SESSION_HEADER = 'x-amzn-bedrock-agentcore-runtime-session-id';
export const USER_HEADER = 'x-amzn-bedrock-agentcore-runtime-user-id';
/** 100 MB, the InvokeAgentRuntime payload limit. */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;

/** Headers the data plane always passes to the container. */
const ALWAYS = new Set([
  'content-type',
  'content-length',
  'accept',
  SESSION_HEADER,
  USER_HEADER,
  'mcp-session-id',
  'mcp-protocol-version',
  'x-amzn-trace-id',
  'traceparent',
  'tracestate',
  'baggage',
]);
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

/** Whether `name` is allowed by a `requestHeaderAllowlist` (exact names, case-insensitive; a trailing `*` is a prefix). */
export function allowedByList(name: string, allowlist: readonly string[]): boolean {
  const n = name.toLowerCase();
  return allowlist.some((entry) => {
    const e = entry.toLowerCase();
    return e.endsWith('*') ? n.startsWith(e.slice(0, -1)) : n === e;
  });
}

/** Request headers for the agent: the fixed set plus the runtime's allow-list (`Authorization` only if listed). */
export function forwardRequestHeaders(
  headers: IncomingHttpHeaders,
  allowlist: readonly string[] = [],
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (ALWAYS.has(name) || allowedByList(name, allowlist)) out[name] = value;
  }
  return out;
}

/** Response headers for the caller: everything but hop-by-hop headers. */
export function forwardResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/** Runtime name from the data-plane path segment: the name itself, or an ARN `…:runtime/<name>` / `…:runtime/<project>_<name>-<id>`. */
export function matchRuntime(segment: string, names: readonly string[]): string | undefined {
  if (names.includes(segment)) return segment;
  const id = /:runtime\/([^/?]+)/.exec(segment)?.[1];
  if (!id) return undefined;
  return names.find((n) => id === n || id.startsWith(`${n}-`) || id.includes(`_${n}-`) || id.endsWith(`_${n}`));
}
