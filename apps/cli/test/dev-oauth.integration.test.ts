/**
 * `agentcore dev` with an OAUTH (client-credentials) gateway target, end to end on real peers: an oidc-provider
 * issuer and an MCP server that only accepts that issuer's tokens with the right scope. The project is built with
 * the CLI (`add credential --type oauth`, `add gateway-target --outbound-auth oauth`); the gateway emulator obtains
 * the token through the strategy's `resolveSecret` and places it with `apply`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startBearerMcpServer, startOidcIssuer, type BearerMcpServer, type OidcIssuer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';

let sb: Sandbox;
let idp: OidcIssuer;
let upstream: BearerMcpServer;
let dev: DevSession | undefined;
let gatewayUrl = '';

beforeAll(async () => {
  sb = await createSandbox();
  idp = await startOidcIssuer({
    clients: [{ clientId: 'gw-client', clientSecret: 'gw-secret-value', scopes: ['tools:call', 'other'] }],
  });
  upstream = await startBearerMcpServer({
    issuer: idp.issuer,
    jwksUri: idp.jwksUri,
    audience: idp.audience,
    requiredScope: 'tools:call',
  });
  expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
  const project = join(sb.dir, 'Demo');
  for (const args of [
    [
      'add',
      'credential',
      '--name',
      'Idp',
      '--type',
      'oauth',
      '--discovery-url',
      idp.discoveryUrl,
      '--client-id',
      'gw-client',
      '--client-secret',
      '-',
      '--json',
    ],
    ['add', 'gateway', '--name', 'tools', '--json'],
    [
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'weather',
      '--type',
      'mcp-server',
      '--endpoint',
      upstream.url,
      '--outbound-auth',
      'oauth',
      '--credential-name',
      'Idp',
      '--oauth-scopes',
      'tools:call',
      '--json',
    ],
  ]) {
    const r = await sb.run(args, { cwd: project, input: 'gw-secret-value' });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  dev = await startDev(project, sb.env, { args: [] });
  const ready = dev.ready;
  gatewayUrl = ready.gateways.find((g) => g.name === 'tools')?.url ?? '';
}, 90_000);

afterAll(async () => {
  await dev?.stop('SIGTERM');
  await upstream?.close();
  await idp?.close();
  await sb?.cleanup();
});

describe('agentcore dev: OAUTH outbound target', { timeout: 60_000 }, () => {
  it('obtains a client_credentials token with the target scopes once and calls the protected upstream with it', async () => {
    idp.resetStats();
    const client = new Client({ name: 'it', version: '0.0.1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl)));
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('weather___add');
      const r = await client.callTool({ name: 'weather___add', arguments: { a: 2, b: 40 } });
      expect(r.content).toEqual([{ type: 'text', text: '42' }]);
    } finally {
      await client.close();
    }
    expect(idp.stats.token).toBe(1);
    const seen = upstream.seen.filter((s) => s.authorized);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.clientId === 'gw-client' && s.scope === 'tools:call')).toBe(true);
    expect(upstream.seen.some((s) => !s.authorized)).toBe(false);
  });

  it('never prints the client secret', () => {
    expect(dev?.stderr()).not.toContain('gw-secret-value');
  });
});
