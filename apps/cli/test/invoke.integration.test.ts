import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { BIN, createSandbox, type Sandbox } from './helpers.js';
import { parseNdjson, startEchoAgent, startJwtProxy, startServer, type Peer } from './invoke-peers.js';

const SECRET = 'invoke-it-client-secret-8d1f';

describe('agentcore invoke (built binary) against a real issuer and the echo agent', () => {
  let sb: Sandbox;
  let root: string;
  let idp: OidcIssuer;
  let agent: Peer;
  let proxy: Peer & { admitted: string[] };
  const peers: Peer[] = [];

  const addJwtAgent = async (name: string, discoveryUrl: string, secret: string | undefined) => {
    const args = [
      'add',
      'agent',
      '--name',
      name,
      '--template',
      'node',
      '--authorizer-type',
      'custom-jwt',
      '--discovery-url',
      discoveryUrl,
      '--allowed-clients',
      'agent-client',
    ];
    const r = await sb.run(
      [...args, ...(secret ? ['--client-id', 'agent-client', '--client-secret', '-'] : []), '--json'],
      { cwd: root, input: secret ?? '' },
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  };

  beforeAll(async () => {
    sb = await createSandbox();
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:invoke'] }],
    });
    agent = await startEchoAgent({ ECHO_DELAY_MS: '5' });
    proxy = await startJwtProxy(idp, agent.url);
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await addJwtAgent('A', idp.discoveryUrl, SECRET);
  });
  afterAll(async () => {
    await Promise.all([proxy?.close(), agent?.close(), idp?.close(), ...peers.map((p) => p.close())]);
    await sb?.cleanup();
  });

  it('fetches a token by itself, streams the reply, then reuses the cached token with no IdP request', async () => {
    idp.resetStats();
    const first = await sb.run(['invoke', '--runtime', 'A', '--endpoint', proxy.url, 'hi', '--json'], { cwd: root });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const out1 = parseNdjson(first.stdout);
    expect(out1.events.map((e) => e.text).join('')).toBe('echo: hi');
    expect(out1.events.length).toBeGreaterThan(1);
    expect(out1.envelope?.result).toMatchObject({
      runtime: 'A',
      authType: 'CUSTOM_JWT',
      authSource: 'idp',
      status: 200,
      contentType: 'text/event-stream',
      text: 'echo: hi',
    });
    expect(idp.stats.token).toBe(1);
    const statsAfterFirst = { ...idp.stats };

    const second = await sb.run(['invoke', '--runtime', 'A', '--endpoint', proxy.url, 'again', '--json'], {
      cwd: root,
    });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(parseNdjson(second.stdout).envelope?.result).toMatchObject({ authSource: 'cache', text: 'echo: again' });
    expect(idp.stats.token).toBe(statsAfterFirst.token);
    expect(idp.stats.discovery).toBe(statsAfterFirst.discovery);
    expect(proxy.admitted).toEqual(['agent-client', 'agent-client']);
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(SECRET);
  });

  it('prints plain text in human mode, and --no-stream asks for one JSON reply', async () => {
    const r = await sb.run(['invoke', '--runtime', 'A', '--endpoint', proxy.url, '--no-stream', 'plain'], {
      cwd: root,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('echo: plain\n');
  });

  it('passes the session id, user id and -H headers through on the bearer path', async () => {
    let seen: Record<string, unknown> = {};
    const spy = await startServer((req, res) => {
      seen = req.headers;
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'x-amzn-bedrock-agentcore-runtime-session-id': String(
            req.headers['x-amzn-bedrock-agentcore-runtime-session-id'],
          ),
        })
        .end('{"result":"ok"}');
    });
    peers.push(spy);
    const session = 's'.repeat(40);
    const r = await sb.run(
      [
        'invoke',
        '--runtime',
        'A',
        '--endpoint',
        spy.url,
        '--session-id',
        session,
        '--user-id',
        'u-1',
        '-H',
        'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant: acme',
        '-H',
        'X-Other: 1',
        'x',
        '--json',
      ],
      { cwd: root },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseNdjson(r.stdout).envelope?.result).toMatchObject({ sessionId: session });
    expect(seen).toMatchObject({
      'x-amzn-bedrock-agentcore-runtime-session-id': session,
      'x-amzn-bedrock-agentcore-runtime-user-id': 'u-1',
      'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
      'x-other': '1',
    });
    expect(String(seen.authorization)).toMatch(/^Bearer ey/);
  });

  it('streams: the first event is on stdout while the agent still holds the connection open', async () => {
    // The agent holds the rest of its reply until the test has seen the first event on stdout (or gives up after
    // 20 s, so a buffering CLI fails the assertions below instead of hanging): seeing it while the second event
    // is unsent is the proof, whatever the load.
    let seeFirst = () => {};
    const firstSeen = new Promise<void>((resolve) => (seeFirst = resolve));
    let secondSent = false;
    const slow = await startServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: "first"\n\n');
      await Promise.race([firstSeen, new Promise((r) => setTimeout(r, 20_000))]);
      secondSent = true;
      res.end('data: " second"\n\n');
    });
    peers.push(slow);
    const child = spawn(process.execPath, [BIN, 'invoke', '--endpoint', slow.url, 'go'], {
      cwd: sb.dir,
      env: sb.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let firstBeforeSecond: boolean | undefined;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (firstBeforeSecond === undefined && stdout.includes('first')) {
        firstBeforeSecond = !secondSent;
        seeFirst();
      }
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stdout).toBe('first second\n');
    expect(firstBeforeSecond).toBe(true);
  });

  it('Ctrl-C aborts the request cleanly (ERR_INVOKE_ABORTED, exit 130)', async () => {
    let clientClosed = (_closed: boolean) => {};
    const closedByClient = new Promise<boolean>((resolve) => (clientClosed = resolve));
    const hang = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: "started"\n\n');
      req.socket.on('close', () => clientClosed(true));
    });
    peers.push(hang);
    const child = spawn(process.execPath, [BIN, 'invoke', '--endpoint', hang.url, 'go', '--json'], {
      cwd: sb.dir,
      env: sb.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!sent && stdout.includes('started')) sent = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(parseNdjson(stdout).envelope?.code).toBe('ERR_INVOKE_ABORTED');
    // The CLI has exited; the server sees the close of its connection on its own schedule (10 s bound).
    expect(await Promise.race([closedByClient, new Promise((r) => setTimeout(() => r(false), 10_000))])).toBe(true);
  });

  it('fails with a coded error when no token is available, never falling back to SigV4', async () => {
    await addJwtAgent('NoCreds', idp.discoveryUrl, undefined);
    const r = await sb.run(['invoke', '--runtime', 'NoCreds', '--endpoint', proxy.url, 'hi', '--json'], { cwd: root });
    expect(r.exitCode).toBe(1);
    const env = parseNdjson(r.stdout).envelope;
    expect(env?.code).toBe('ERR_CREDENTIAL_MISSING');
    expect(env?.actions?.[0]).toMatch(/--bearer-token/);
    expect(env?.actions?.[1]).toMatch(/--client-id .*--client-secret -/);
  });

  it("a bad --bearer-token gets the agent's 401 as ERR_INVOKE_HTTP with a token action", async () => {
    const r = await sb.run(
      ['invoke', '--runtime', 'A', '--endpoint', proxy.url, '--bearer-token', 'not.a.jwt', 'hi', '--json'],
      { cwd: root },
    );
    expect(r.exitCode).toBe(1);
    const env = parseNdjson(r.stdout).envelope;
    expect(env).toMatchObject({
      code: 'ERR_INVOKE_HTTP',
      details: { status: 401, message: 'OAuth authorization failed: invalid token' },
    });
    expect(env?.actions?.[0]).toMatch(/token/);
    expect(r.stdout + r.stderr).not.toContain('not.a.jwt');
  });

  it('agent 5xx with a JSON body → ERR_INVOKE_HTTP; malformed SSE → ERR_INVOKE_STREAM (after the good events)', async () => {
    const bad = await startServer((req, res) => {
      if (req.url === '/broken/invocations')
        return void res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'agent crashed' }));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: "ok"\n\nthis is not SSE\n\n');
    });
    peers.push(bad);
    const crashed = await sb.run(['invoke', '--endpoint', `${bad.url}/broken/invocations`, 'hi', '--json']);
    expect(parseNdjson(crashed.stdout).envelope).toMatchObject({
      code: 'ERR_INVOKE_HTTP',
      details: { status: 500, message: 'agent crashed' },
    });
    const malformed = await sb.run(['invoke', '--endpoint', bad.url, 'hi', '--json']);
    expect(malformed.exitCode).toBe(1);
    const out = parseNdjson(malformed.stdout);
    expect(out.events).toEqual([{ type: 'text', text: 'ok' }]);
    expect(out.envelope).toMatchObject({ code: 'ERR_INVOKE_STREAM', details: { reason: 'unknown-field' } });
  });

  it('says how to deploy or run dev when the agent has no endpoint', async () => {
    const r = await sb.run(['invoke', '--runtime', 'A', 'hi', '--json'], { cwd: root });
    expect(r.exitCode).toBe(1);
    const env = parseNdjson(r.stdout).envelope;
    expect(env?.code).toBe('ERR_NOT_DEPLOYED');
    expect(env?.actions?.join(' ')).toMatch(/agentcore deploy.*agentcore dev.*--endpoint/);
  });
});
