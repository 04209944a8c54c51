/**
 * Outbound side of the gateway emulator: every request to an upstream target goes through the outbound strategy's
 * `apply(request, config, secret)`, exactly as the gateway would place the credential.
 */
import type { OutboundRequest, OutboundSecret, OutboundStrategy } from '@agentcore/auth';
import { redactUrlsInText } from '@agentcore/schema';

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface TargetEntry {
  name: string;
  targetType: string;
  endpoint: string;
  /** `outboundAuth.type`, `NONE` when absent. */
  authType: string;
  strategy?: OutboundStrategy;
  config?: { type: string };
  /**
   * The credential value `apply` places, resolved per request: a stored API key, or what the strategy's
   * `resolveSecret` returns (e.g. an OAuth access token, cached and refreshed inside the strategy).
   */
  secret?: () => Promise<OutboundSecret>;
  /** Secret values seen so far, removed from any message shown to the user. */
  readonly redactions: Set<string>;
  /** Set when the target cannot be called locally (not emulated, no credential value…). */
  unavailable?: string;
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => (out[key] = value));
  return out;
}

/** A fetch for the MCP client transport that applies the target's outbound auth to every request. */
export function outboundFetch(target: TargetEntry, base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    let req: OutboundRequest = {
      method: init?.method ?? 'GET',
      url: String(url),
      headers: headerRecord(init?.headers),
    };
    if (target.strategy?.apply && target.config && target.secret) {
      const secret = await target.secret();
      target.redactions.add(secret.value);
      req = await target.strategy.apply(req, target.config, secret);
    }
    return base(req.url, { ...init, method: req.method, headers: req.headers });
  };
}

/** Remove secret values from text that may be shown to the user. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('****');
  return out;
}

/** The endpoint as shown in messages: origin and path only (no query string, no user info). */
export function displayEndpoint(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A user-facing message for an upstream failure, naming the target. */
export function upstreamFailure(target: TargetEntry, err: unknown): string {
  const where = displayEndpoint(target.endpoint);
  const e = err as { code?: unknown; message?: string; cause?: { code?: string } };
  const status = typeof e.code === 'number' && e.code >= 100 ? e.code : undefined;
  let message: string;
  if (status === 401 || status === 403) {
    message = `Target ${target.name}: the upstream MCP server at ${where} answered ${status}: check the credential and the placement (outboundAuth of target ${target.name}).`;
  } else if (e.cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '')) {
    message = `Target ${target.name}: cannot connect to ${where} (connection refused). Is the upstream MCP server running?`;
  } else if (status) {
    message = `Target ${target.name}: the upstream MCP server at ${where} answered ${status}: ${e.message ?? ''}`;
  } else {
    message = `Target ${target.name}: the call to ${where} failed: ${e.cause?.code ?? e.message ?? String(err)}`;
  }
  return redact(redactUrlsInText(message), target.redactions);
}
