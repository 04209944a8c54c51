/**
 * Pure: where a runtime's data-plane request goes inside the agent, by the runtime's protocol (the AgentCore
 * container contract, https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-service-contract.html):
 * HTTP → `POST /invocations`; MCP → `/mcp` (streamable HTTP: POST, plus GET and DELETE for the optional stream and
 * session end); A2A → `POST /` (JSON-RPC) and `GET /.well-known/agent-card.json` (the agent card, which AWS serves
 * at `…/invocations/.well-known/agent-card.json`, behind the runtime's authorizer like every data-plane call).
 */
import { devMessages } from './messages.js';
export type RuntimeProtocol = 'HTTP' | 'MCP' | 'A2A' | 'AGUI';

export const AGENT_CARD_PATH = '/.well-known/agent-card.json';

export type UpstreamRoute =
  { ok: true; method: string; path: string } | { ok: false; status: 404 | 405; message: string; devReason: string };

/**
 * `subpath` is what follows `/invocations` in the request path ('' for the invocations URL itself).
 * AGUI runtimes use the HTTP route (`POST /invocations`, answered with Server-Sent Events).
 */
export function upstreamRoute(protocol: string | undefined, method: string, subpath: string): UpstreamRoute {
  const p = (protocol ?? 'HTTP').toUpperCase();
  const sub = subpath === '/' ? '' : subpath;
  if (p === 'A2A' && sub === AGENT_CARD_PATH) {
    return method === 'GET'
      ? { ok: true, method, path: AGENT_CARD_PATH }
      : notAllowed(devMessages().get('devReason.AgentCardMethod', { method }));
  }
  if (sub !== '')
    return {
      ok: false,
      status: 404,
      message: devMessages().get('aws.ResourceNotFound'),
      devReason: devMessages().get(p === 'A2A' ? 'devReason.NothingAtSubpathA2a' : 'devReason.NothingAtSubpath', {
        protocol: p,
        subpath: sub,
        card: AGENT_CARD_PATH,
      }),
    };
  if (p === 'MCP') {
    return ['POST', 'GET', 'DELETE'].includes(method)
      ? { ok: true, method, path: '/mcp' }
      : notAllowed(devMessages().get('devReason.McpMethod', { method }));
  }
  if (method !== 'POST') return notAllowed(devMessages().get('devReason.PostOnly', { method }));
  return { ok: true, method, path: p === 'A2A' ? '/' : '/invocations' };
}

function notAllowed(devReason: string): UpstreamRoute {
  return { ok: false, status: 405, message: devMessages().get('aws.MethodNotAllowed'), devReason };
}

/** What follows `/invocations` in a data-plane path (`/runtimes/<id>/invocations/…` or `/invocations/…`). */
export function invocationSubpath(pathname: string): string {
  const at = pathname.indexOf('/invocations');
  return at < 0 ? '' : pathname.slice(at + '/invocations'.length);
}
