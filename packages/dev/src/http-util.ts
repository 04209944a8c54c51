/** Small HTTP helpers shared by the emulators. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundRequest } from '@agentcore/auth';
import { denialBody, denialHeader, type Denial } from './inbound.js';

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

/** The request as a strategy sees it (absolute URL, raw headers). */
export function inboundRequest(req: IncomingMessage, base: string): InboundRequest {
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', base).toString(), headers: req.headers };
}
