/** Small HTTP helpers shared by the emulators. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundRequest } from '@agentcore/auth';
import { denialBody, denialHeader, type Denial } from './inbound.js';
import { devMessages } from './messages.js';

export const DEV_DENIAL_HEADER = 'x-agentcore-dev-denial';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendDenial(res: ServerResponse, denial: Denial): void {
  const headers: Record<string, string> = { [DEV_DENIAL_HEADER]: denialHeader(denial) };
  if (denial.wwwAuthenticate) headers['www-authenticate'] = denial.wwwAuthenticate;
  sendJson(res, denial.status, denialBody(denial), headers);
}

/**
 * The request as a strategy sees it (absolute URL, raw headers). Node keeps only the first of repeated
 * `Authorization` headers; here they are all passed on (as an array) so the strategy can refuse the ambiguity.
 */
export function inboundRequest(req: IncomingMessage, base: string): InboundRequest {
  const authorization = req.headersDistinct.authorization;
  const headers = authorization && authorization.length > 1 ? { ...req.headers, authorization } : req.headers;
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', base).toString(), headers };
}

/**
 * The denial for a strategy that threw instead of deciding: a verifier never answers 5xx, so the request is refused
 * as unauthenticated (401) and the failure goes to the dev log only.
 */
export function strategyFailure(type: string): Denial {
  return {
    status: 401,
    message: devMessages().get('aws.Unauthorized'),
    rule: 'strategy',
    reason: devMessages().get('deny.StrategyFailed', { type }),
    wwwAuthenticate: 'Bearer realm="agentcore", error="invalid_token"',
  };
}

/**
 * The path of a request, percent-decoded per segment, or `undefined` when it cannot be (a malformed escape such as
 * `%ZZ`, or bytes that are not UTF-8) — the caller answers 400 then.
 */
export function requestPath(req: IncomingMessage, base: string): string | undefined {
  try {
    const path = new URL(req.url ?? '/', base).pathname;
    decodeURIComponent(path);
    return path;
  } catch {
    return undefined;
  }
}

/** 400 for a path that is not valid percent-encoded UTF-8, with a JSON body. */
export function sendBadPath(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  sendJson(res, 400, {
    message: devMessages().get('aws.BadPath'),
    devReason: devMessages().get('devReason.BadPath'),
  });
}

/** The message of a thrown value, whatever was thrown. */
export function errorText(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return 'unknown error';
  }
}
