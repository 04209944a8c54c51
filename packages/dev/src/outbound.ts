/**
 * Outbound side of the gateway emulator: every request to an upstream target goes through the outbound strategy's
 * `apply(request, config, secret)`, exactly as the gateway would place the credential.
 */
import type { OutboundRequest, OutboundSecret, OutboundStrategy } from '@agentcore/auth';
import { redactUrlsInText } from '@agentcore/schema';
import { devMessages } from './messages.js';

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

/** Default time an upstream has for a whole response (headers and body): 15 s. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
/** Largest upstream response read for one MCP request (tools/list page, tool result): 10 MiB. */
export const MAX_UPSTREAM_RESPONSE_BYTES = 10 * 1024 * 1024;

export type UpstreamLimitCode = 'ERR_UPSTREAM_TIMEOUT' | 'ERR_UPSTREAM_TOO_LARGE';

/** An upstream response cut short by a limit; `code` is what the MCP client sees in the error's `data`. */
export class UpstreamLimitError extends Error {
  constructor(
    readonly code: UpstreamLimitCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamLimitError';
  }
}

export interface UpstreamLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * The response with its body passed through as it streams, counted against `maxBytes`, and with `deadline` (the
 * request's timeout) still running until the last byte: a slow or endless body fails like a slow header.
 */
function limitedResponse(
  res: Response,
  maxBytes: number,
  controller: AbortController,
  done: () => void,
  timedOut: () => UpstreamLimitError | undefined,
): Response {
  if (!res.body) {
    done();
    return res;
  }
  const reader = res.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          done();
          out.close();
          return;
        }
        seen += value.byteLength;
        if (seen > maxBytes) {
          const err = new UpstreamLimitError(
            'ERR_UPSTREAM_TOO_LARGE',
            devMessages().get('error.UpstreamTooLarge', { maxBytes }),
          );
          controller.abort(err);
          done();
          out.error(err);
          return;
        }
        out.enqueue(value);
      } catch (err) {
        done();
        out.error(timedOut() ?? err);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * A fetch for the MCP client transport that applies the target's outbound auth to every request. Requests that
 * expect one response (POST) get `limits.timeoutMs` for the whole response, body included, and a body cap of
 * `limits.maxBytes`; the long-lived GET event stream of a stateful server is left alone.
 */
export function outboundFetch(target: TargetEntry, base: FetchLike = fetch, limits: UpstreamLimits = {}): FetchLike {
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
    if (req.method !== 'POST') return base(req.url, { ...init, method: req.method, headers: req.headers });
    const timeoutMs = limits.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    const controller = new AbortController();
    let expired: UpstreamLimitError | undefined;
    const timer = setTimeout(() => {
      expired = new UpstreamLimitError(
        'ERR_UPSTREAM_TIMEOUT',
        devMessages().get('error.UpstreamTimeout', { timeoutMs }),
      );
      controller.abort(expired);
    }, timeoutMs);
    // A response nobody reads must not keep the process alive until the deadline.
    timer.unref();
    const done = () => clearTimeout(timer);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      const res = await base(req.url, { ...init, method: req.method, headers: req.headers, signal });
      return limitedResponse(res, limits.maxBytes ?? MAX_UPSTREAM_RESPONSE_BYTES, controller, done, () => expired);
    } catch (err) {
      done();
      throw expired ?? err;
    }
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
  const limit = upstreamLimit(err);
  const m = devMessages();
  const values = { target: target.name, where, status: status ?? '' };
  let message: string;
  if (limit) {
    message = m.get('upstream.CutOff', { ...values, reason: limit.message });
  } else if (status === 401 || status === 403) {
    message = m.get('upstream.Refused', values);
  } else if (e.cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '')) {
    message = m.get('upstream.ConnectionRefused', values);
  } else if (status) {
    message = m.get('upstream.Status', { ...values, reason: e.message ?? '' });
  } else {
    message = m.get('upstream.Failed', { ...values, reason: e.cause?.code ?? e.message ?? String(err) });
  }
  return redact(redactUrlsInText(message), target.redactions);
}

/** The limit error behind a failure, however deep the MCP client wrapped it. */
export function upstreamLimit(err: unknown): UpstreamLimitError | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof UpstreamLimitError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
