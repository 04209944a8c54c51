/**
 * `agentcore dev` (built binary) with hostile input: unsigned tokens with out-of-range times get 401 (never 5xx),
 * malformed percent-encoding in paths gets 400, and a gateway with one stopped target still lists the other's
 * tools, naming the stopped one to the MCP client and in the dev log.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer, type TestMcpServer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';

interface DevReady {
  url: string;
  runtimes: { name: string; url: string }[];
  gateways: { name: string; url: string; targets: string[] }[];
}

let sb: Sandbox;
let one: TestMcpServer;
let two: TestMcpServer;
let dev: DevSession<DevReady> | undefined;
let ready: DevReady;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

beforeAll(async () => {
  sb = await createSandbox();
  one = await startMcpServer();
  two = await startMcpServer();
  expect((await sb.run(['create', '--name', 'Hostile', '--json'])).exitCode).toBe(0);
  const project = join(sb.dir, 'Hostile');
  const steps = [
    [
      'add',
      'agent',
      '--name',
      'Echo',
      '--template',
      'node',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      'https://idp.example.com/.well-known/openid-configuration',
      '--allowed-clients',
      'demo-client',
    ],
    ['add', 'gateway', '--name', 'tools'],
    ['add', 'gateway-target', '--gateway', 'tools', '--name', 'one', '--type', 'mcp-server', '--endpoint', one.url],
    ['add', 'gateway-target', '--gateway', 'tools', '--name', 'two', '--type', 'mcp-server', '--endpoint', two.url],
  ];
  for (const args of steps) {
    const r = await sb.run([...args, '--json'], { cwd: project });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  dev = await startDev<DevReady>(project, sb.env);
  ready = dev.ready;
}, 90_000);

afterAll(async () => {
  await dev?.stop('SIGTERM');
  await one?.close();
  await two?.close().catch(() => undefined);
  await sb?.cleanup();
});

describe('agentcore dev with hostile input (built binary)', () => {
  it.each([1e300, -1e300, 9e15])('an unsigned token with exp %d gets 401, not 500', async (exp) => {
    const token = `${b64({ alg: 'none' })}.${b64({ client_id: 'demo-client', exp, nbf: exp })}.`;
    const res = await fetch(ready.runtimes[0]?.url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"prompt":"hi"}',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ devRule: 'algorithm' });
  });

  it.each(['/runtimes/%ZZ/invocations', '/gateways/%ZZ/mcp'])('%s answers 400 with a JSON body', async (path) => {
    const res = await fetch(`${ready.url}${path}`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/percent-encoded/) });
  });

  it('a stopped target: tools/list lists the other target and names the stopped one (MCP _meta and dev log)', async () => {
    await two.close();
    const client = new Client({ name: 'it', version: '0.0.1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(ready.gateways[0]?.url ?? '')));
    try {
      const listed = await client.listTools();
      expect(listed.tools.map((t) => t.name).sort()).toEqual(['one___add', 'one___echo']);
      expect(listed._meta?.['agentcore.dev/unavailableTargets']).toEqual([
        { target: 'two', reason: expect.stringMatching(/^Target two: /) },
      ]);
    } finally {
      await client.close();
    }
    expect(dev?.stderr()).toMatch(/\[dev\] gateway tools: tools\/list lists the other targets without two: Target two/);
  });
});
