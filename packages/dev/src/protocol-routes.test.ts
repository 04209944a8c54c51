import { describe, expect, it } from 'vitest';
import { invocationSubpath, upstreamRoute } from './protocol-routes.js';

describe('upstreamRoute (pure)', () => {
  it.each([
    ['HTTP', 'POST', '', '/invocations'],
    [undefined, 'POST', '/', '/invocations'],
    ['AGUI', 'POST', '', '/invocations'],
    ['MCP', 'POST', '', '/mcp'],
    ['MCP', 'GET', '', '/mcp'],
    ['MCP', 'DELETE', '', '/mcp'],
    ['A2A', 'POST', '', '/'],
    ['A2A', 'GET', '/.well-known/agent-card.json', '/.well-known/agent-card.json'],
  ])('%s %s /invocations%s → the agent at %s', (protocol, method, sub, path) => {
    expect(upstreamRoute(protocol, method, sub)).toEqual({ ok: true, method, path });
  });

  it.each([
    ['HTTP', 'GET', '', 405],
    ['MCP', 'PUT', '', 405],
    ['A2A', 'POST', '/.well-known/agent-card.json', 405],
    ['HTTP', 'POST', '/.well-known/agent-card.json', 404],
    ['MCP', 'POST', '/other', 404],
  ])('%s %s /invocations%s → %d with a dev reason', (protocol, method, sub, status) => {
    const r = upstreamRoute(protocol, method, sub);
    expect(r).toMatchObject({ ok: false, status });
    expect(r.ok ? '' : r.devReason).toContain(method === 'POST' && status === 404 ? sub : method);
  });

  it('finds what follows /invocations in both data-plane paths', () => {
    expect(invocationSubpath('/runtimes/arn%3Ax/invocations/.well-known/agent-card.json')).toBe(
      '/.well-known/agent-card.json',
    );
    expect(invocationSubpath('/invocations')).toBe('');
  });
});
