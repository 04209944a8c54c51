/**
 * Auth across every protocol, through the built CLI against real processes: `agentcore dev --issuer` (an
 * oidc-provider issuer) runs an HTTP, an MCP and an A2A starter agent, each behind CUSTOM_JWT, and a CUSTOM_JWT
 * gateway whose mcpServer target is a real MCP server that checks its own API-key placement. For each protocol:
 * the token the CLI fetches → the reply; no token → 401; a token without the allowed scope → 403.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpServer, type TestMcpServer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';
import { parseNdjson } from './invoke-peers.js';

interface DevReady {
  runtimes: { name: string; url: string }[];
  gateways: { name: string; url: string }[];
  issuerDiscoveryUrl: string;
}

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const jwt = (client: string, scope: string) => [
  '--authorizer-type',
  'custom-jwt',
  '--discovery-url',
  DISCOVERY,
  '--allowed-clients',
  client,
  '--allowed-scopes',
  scope,
  '--client-id',
  client,
  '--client-secret',
  '-',
  '--json',
];

let sb: Sandbox;
let project: string;
let upstream: TestMcpServer;
let dev: DevSession<DevReady> | undefined;
let ready: DevReady;

const cli = (args: string[]) => sb.run([...args, '--json'], { cwd: project });
const urlOf = (name: string) => ready.runtimes.find((r) => r.name === name)?.url ?? '';

/** A client_credentials token from the dev issuer, with the scope given (none: a token the authorizers refuse). */
async function token(scope?: string): Promise<string> {
  const discovery = (await (await fetch(ready.issuerDiscoveryUrl)).json()) as { token_endpoint: string };
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'demo-client',
    client_secret: 'demo-secret',
    ...(scope ? { scope } : {}),
  });
  const res = await fetch(discovery.token_endpoint, { method: 'POST', body });
  return ((await res.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  sb = await createSandbox();
  upstream = await startMcpServer({ auth: { location: 'HEADER', name: 'Authorization', value: 'Bearer up-key-1' } });
  expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
  project = join(sb.dir, 'Demo');
  for (const [name, protocol, template] of [
    ['Http', 'HTTP', 'node'],
    ['Mcp', 'MCP', 'node'],
    ['A2a', 'A2A', 'node'],
    ['PyMcp', 'MCP', 'python'],
    ['PyA2a', 'A2A', 'python'],
  ] as const) {
    const r = await sb.run(
      ['add', 'agent', '--name', name, '--template', template, '--protocol', protocol, ...jwt('demo-client', 'invoke')],
      { cwd: project, input: 'demo-secret' },
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  for (const [args, input] of [
    [['add', 'agent', '--name', 'Agui', '--template', 'node', '--protocol', 'AGUI', '--json'], ''],
    [['add', 'credential', '--name', 'UpKey', '--type', 'api-key', '--api-key', '-', '--json'], 'up-key-1'],
    [['add', 'gateway', '--name', 'tools', ...jwt('gw-client', 'tools:call')], 'gw-secret'],
    [
      [
        ...['add', 'gateway-target', '--gateway', 'tools', '--name', 'up', '--type', 'mcp-server'],
        ...['--endpoint', upstream.url, '--outbound-auth', 'api-key', '--credential-name', 'UpKey'],
        ...['--api-key-location', 'header', '--api-key-parameter-name', 'Authorization', '--api-key-prefix', 'Bearer'],
        '--json',
      ],
      '',
    ],
    [
      [
        ...['add', 'gateway-target', '--gateway', 'tools', '--name', 'down', '--type', 'mcp-server'],
        ...['--endpoint', 'http://127.0.0.1:9/mcp', '--json'],
      ],
      '',
    ],
  ] as const) {
    const r = await sb.run([...args], { cwd: project, input });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  dev = await startDev<DevReady>(project, sb.env, { timeoutMs: 45_000 });
  ready = dev.ready;
}, 120_000);

afterAll(async () => {
  await dev?.stop('SIGINT');
  await upstream?.close();
  await sb?.cleanup();
});

/** One call per protocol, as a user makes it; `extra` adds flags (e.g. --bearer-token). */
const calls: Record<string, (extra: string[]) => string[]> = {
  Http: (extra) => ['invoke', '--runtime', 'Http', 'hi there', ...extra],
  Mcp: (extra) => ['invoke', '--runtime', 'Mcp', '--tool', 'echo', '--input', '{"text":"hi there"}', ...extra],
  A2a: (extra) => ['invoke', '--runtime', 'A2a', 'hi there', ...extra],
  PyMcp: (extra) => ['invoke', '--runtime', 'PyMcp', '--tool', 'echo', '--input', '{"text":"hi there"}', ...extra],
  PyA2a: (extra) => ['invoke', '--runtime', 'PyA2a', 'hi there', ...extra],
};

/** The first request each protocol sends, without any Authorization header. */
const bareRequests: Record<string, unknown> = {
  Http: { prompt: 'hi' },
  Mcp: {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
  },
  A2a: {
    jsonrpc: '2.0',
    id: 1,
    method: 'message/send',
    params: { message: { kind: 'message', role: 'user', messageId: 'm1', parts: [{ kind: 'text', text: 'hi' }] } },
  },
};

describe('every protocol behind CUSTOM_JWT under agentcore dev (built binary)', () => {
  it.each(['Http', 'Mcp', 'A2a', 'PyMcp', 'PyA2a'])('%s: the token the CLI fetches → the reply', async (name) => {
    const r = await cli(calls[name]?.([]) ?? []);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const { envelope } = parseNdjson(r.stdout);
    expect(envelope?.result).toMatchObject({ runtime: name, endpointSource: 'dev', authType: 'CUSTOM_JWT' });
    expect(['idp', 'cache']).toContain(envelope?.result?.authSource);
    if (name.endsWith('Mcp')) expect(envelope?.result?.content).toEqual([{ type: 'text', text: 'echo: hi there' }]);
    else expect(envelope?.result?.text).toBe('echo: hi there');
    if (name.endsWith('A2a')) expect(envelope?.result).toMatchObject({ protocol: 'A2A', method: 'message/stream' });
  });

  it.each(['Http', 'Mcp', 'A2a'])('%s: no token → 401 with a Bearer challenge and the reason', async (name) => {
    const res = await fetch(urlOf(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify(bareRequests[name]),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(((await res.json()) as { devRule: string }).devRule).toBe('token');
    const cliRun = await cli(calls[name]?.(['--bearer-token', 'not-a-jwt']) ?? []);
    expect(cliRun.exitCode).toBe(1);
    const { envelope } = parseNdjson(cliRun.stdout);
    expect(envelope).toMatchObject({ code: 'ERR_INVOKE_HTTP', details: { status: 401 } });
    // Under agentcore dev the refusal says why first (x-agentcore-dev-denial), then the advice for a bearer token.
    expect(envelope?.details?.devReason).toMatch(/^token: /);
    expect(envelope?.actions?.[0]).toMatch(/^agentcore dev refused it because token: /);
    expect(envelope?.actions?.[1]).toContain('get a fresh one');
    expect(envelope?.actions?.join(' ')).not.toMatch(/SigV4/);
  });

  it.each(['Http', 'Mcp', 'A2a'])('%s: a token without the allowed scope → 403 insufficient_scope', async (name) => {
    const r = await cli(calls[name]?.(['--bearer-token', await token()]) ?? []);
    expect(r.exitCode).toBe(1);
    const { envelope } = parseNdjson(r.stdout);
    expect(envelope).toMatchObject({ code: 'ERR_INVOKE_HTTP', details: { status: 403 } });
    expect(String(envelope?.details?.wwwAuthenticate)).toContain('insufficient_scope');
    expect(envelope?.actions?.[0]).toMatch(/^agentcore dev refused it because scope: /);
    expect(r.stdout + r.stderr).not.toContain('demo-secret');
  });

  it('MCP: --list-tools lists the starter tools; a prompt is refused with what to do instead', async () => {
    const list = await cli(['invoke', '--runtime', 'Mcp', '--list-tools']);
    expect(list.exitCode, list.stdout + list.stderr).toBe(0);
    const tools = (list.json?.result as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(tools).toEqual(['echo', 'add']);
    const prompt = await cli(['invoke', '--runtime', 'Mcp', 'hello']);
    expect(prompt.exitCode).toBe(2);
    expect(prompt.json?.code).toBe('ERR_USAGE');
    expect(prompt.json?.actions?.[0]).toContain('--list-tools');
  });

  it('A2A: --no-stream uses message/send; the agent card is served behind the authorizer', async () => {
    const r = await cli(['invoke', '--runtime', 'A2a', '--no-stream', 'one shot']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(parseNdjson(r.stdout).envelope?.result).toMatchObject({ method: 'message/send', text: 'echo: one shot' });
    const card = `${urlOf('A2a')}/.well-known/agent-card.json`;
    expect((await fetch(card)).status).toBe(401);
    const ok = await fetch(card, { headers: { authorization: `Bearer ${await token('invoke')}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { name: string }).name).toBe('a2a-agent');
  });

  it('AGUI: refused with a coded "not supported yet" before any request', async () => {
    const r = await cli(['invoke', '--runtime', 'Agui', 'hi']);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_INVOKE_UNSUPPORTED');
    expect(r.json?.actions?.[0]).toContain('AG-UI client');
  });
});

describe('gateway tool calls with the gateway CUSTOM_JWT token (built binary, dev gateway)', () => {
  it('lists <target>___<tool> and calls the upstream with the key where the placement says', async () => {
    const list = await cli(['invoke', '--gateway', 'tools', '--list-tools']);
    expect(list.exitCode, list.stdout + list.stderr).toBe(0);
    expect(list.json?.result).toMatchObject({ gateway: 'tools', authType: 'CUSTOM_JWT', endpointSource: 'dev' });
    expect((list.json?.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toContain('up___add');
    // The stopped target does not hide the others; it is named in a warning.
    expect(list.json?.warnings?.some((w) => w.includes('target down'))).toBe(true);
    const call = await cli(['invoke', '--gateway', 'tools', '--tool', 'up___add', '--input', '{"a":20,"b":22}']);
    expect(call.exitCode, call.stdout + call.stderr).toBe(0);
    expect(call.json?.result).toMatchObject({ target: 'up', content: [{ type: 'text', text: '42' }] });
    expect(upstream.lastRequest()?.headers.authorization).toBe('Bearer up-key-1');
    expect(call.stdout + call.stderr).not.toContain('up-key-1');
  });

  it('without a token → 401; a tool name without its target → usage error; an unknown target is named', async () => {
    const bare = await cli(['invoke', '--gateway', 'tools', '--list-tools', '--bearer-token', 'not-a-jwt']);
    expect(bare.json).toMatchObject({ code: 'ERR_INVOKE_HTTP', details: { status: 401 } });
    const short = await cli(['invoke', '--gateway', 'tools', '--tool', 'add', '--input', '{}']);
    expect(short.exitCode).toBe(2);
    expect(short.json?.actions?.[0]).toContain('up___add');
    const unknown = await cli(['invoke', '--gateway', 'tools', '--tool', 'nope___add', '--input', '{}']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.json).toMatchObject({ code: 'ERR_INVOKE_PROTOCOL', details: { gateway: 'tools', target: 'nope' } });
    expect(unknown.json?.message).toContain('target nope');
  });

  it('RFC 9728: a 401 points at the protected-resource metadata naming the issuer and scopes', async () => {
    for (const [url, scope] of [
      [ready.gateways[0]?.url ?? '', 'tools:call'],
      [urlOf('Mcp'), 'invoke'],
    ] as const) {
      const denied = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(denied.status).toBe(401);
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(denied.headers.get('www-authenticate') ?? '')?.[1] ?? '';
      expect(metadataUrl).toContain('/.well-known/oauth-protected-resource/');
      const metadata = (await (await fetch(metadataUrl)).json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({ resource: url, scopes_supported: [scope] });
      expect(ready.issuerDiscoveryUrl.startsWith(String((metadata.authorization_servers as string[])[0]))).toBe(true);
    }
  });

  it('--input that is not a JSON object is refused before any request', async () => {
    const r = await cli(['invoke', '--gateway', 'tools', '--tool', 'up___add', '--input', '[1]']);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.actions?.[0]).toContain('JSON object');
  });
});
