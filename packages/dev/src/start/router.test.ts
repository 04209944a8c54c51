import { describe, expect, it } from 'vitest';
import { resolveRoute } from './router.js';

const known = { runtimes: ['Echo', 'Other'], gateways: ['tools', 'a b'] };

describe('resolveRoute (the route table of agentcore dev)', () => {
  it.each([
    ['POST', '/runtimes/Echo/invocations', { kind: 'runtime', name: 'Echo' }],
    ['POST', '/runtimes/Echo/invocations/mcp', { kind: 'runtime', name: 'Echo' }],
    ['POST', '/runtimes/Nope/invocations', { kind: 'runtime', name: undefined }],
    ['POST', '/invocations', { kind: 'runtime', name: undefined }],
    ['GET', '/.well-known/oauth-protected-resource/gateways/tools/mcp', { kind: 'metadata' }],
    ['POST', '/gateways/tools/mcp', { kind: 'gateway', name: 'tools' }],
    ['POST', '/gateways/tools/mcp/', { kind: 'gateway', name: 'tools' }],
    ['POST', '/gateways/a%20b/mcp', { kind: 'gateway', name: 'a b' }],
    ['POST', '/gateways/nope/mcp', { kind: 'none' }],
    ['GET', '/', { kind: 'index' }],
    ['POST', '/', { kind: 'none' }],
    ['GET', '/runtimes/Echo', { kind: 'none' }],
  ])('%s %s', (method, path, expected) => {
    expect(resolveRoute(path, method, known)).toEqual(expected);
  });

  it('/invocations goes to the only runtime when there is exactly one', () => {
    expect(resolveRoute('/invocations/x', 'POST', { runtimes: ['Solo'], gateways: [] })).toEqual({
      kind: 'runtime',
      name: 'Solo',
    });
  });

  it('a malformed escape in a name throws (the server answers it as any handler failure)', () => {
    expect(() => resolveRoute('/gateways/%E0%A4%A/mcp', 'POST', known)).toThrow(URIError);
  });
});
