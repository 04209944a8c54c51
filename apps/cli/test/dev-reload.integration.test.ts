/**
 * A running `agentcore dev` notices config edits: an atomic edit of agentcore.json that removes a client from
 * allowedClients is reloaded (the dev log says so) and that client's token is refused at once, though it was just
 * accepted (no cached decision survives); an invalid edit is reported and the last good configuration stays; a key
 * changed in .env.local is what the gateway sends next; a change that needs new processes says so.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer, type TestMcpServer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
let sb: Sandbox;
let project: string;
let dev: DevSession | undefined;
/** What dev logged on stderr so far. */
const log = (): string => dev?.stderr() ?? '';
let upstream: TestMcpServer | undefined;
let ready: { runtimes: { name: string; url: string }[]; gateways: { url: string }[]; issuerDiscoveryUrl: string };

async function token(clientId: string, secret: string): Promise<string> {
  const discovery = (await (await fetch(ready.issuerDiscoveryUrl)).json()) as { token_endpoint: string };
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  body.set('scope', 'invoke');
  const res = await fetch(discovery.token_endpoint, { method: 'POST', body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const invoke = (bearer: string) =>
  fetch(ready.runtimes[0]?.url ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ prompt: 'hello' }),
  });

/** Edit agentcore.json as an editor saves: write a temp file next to it, then rename it over. */
async function editConfig(edit: (config: { runtimes: Record<string, unknown>[] }) => void): Promise<void> {
  const file = join(project, 'agentcore', 'agentcore.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as { runtimes: Record<string, unknown>[] };
  edit(config);
  await writeFile(`${file}.edit-tmp`, JSON.stringify(config, null, 2) + '\n');
  await rename(`${file}.edit-tmp`, file);
}

/** Resolve when the dev log gains a line matching `pattern` after `from` characters (the positive signal). */
async function logLine(pattern: RegExp, from: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = log()
      .slice(from)
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no log line ${pattern} within ${timeoutMs} ms:\n${log().slice(from)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function jwtOf(config: { runtimes: Record<string, unknown>[] }): Record<string, unknown> {
  const auth = config.runtimes[0]?.authorizerConfiguration as { customJwtAuthorizer: Record<string, unknown> };
  return auth.customJwtAuthorizer;
}

beforeAll(async () => {
  sb = await createSandbox();
  expect((await sb.run(['create', '--name', 'Reload', '--json'])).exitCode).toBe(0);
  project = join(sb.dir, 'Reload');
  const add = await sb.run(
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
      DISCOVERY,
      '--allowed-clients',
      'client-a,client-b',
      '--allowed-scopes',
      'invoke',
      '--client-id',
      'client-a',
      '--client-secret',
      '-',
      '--json',
    ],
    { cwd: project, input: 'secret-a' },
  );
  expect(add.exitCode, add.stdout + add.stderr).toBe(0);
  upstream = await startMcpServer({ auth: { location: 'HEADER', name: 'x-api-key', value: 'key-new' } });
  for (const [args, input] of [
    [['add', 'credential', '--name', 'UpKey', '--type', 'api-key', '--api-key', '-', '--json'], 'key-old'],
    [['add', 'gateway', '--name', 'tools', '--json'], ''],
    [
      [
        'add',
        'gateway-target',
        '--gateway',
        'tools',
        '--name',
        'up',
        '--type',
        'mcp-server',
        '--endpoint',
        upstream.url,
      ].concat(['--outbound-auth', 'api-key', '--credential-name', 'UpKey', '--json']),
      '',
    ],
  ] as const) {
    const r = await sb.run([...args], { cwd: project, input });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  }
  dev = await startDev(project, sb.env);
  ready = dev.ready;
}, 90_000);

afterAll(async () => {
  await dev?.stop('SIGTERM');
  await upstream?.close();
  await sb?.cleanup();
});

describe('agentcore dev reloads agentcore.json', { timeout: 60_000 }, () => {
  it('an invalid edit is reported and the last good configuration stays; a valid one applies at once', async () => {
    const tokenA = await token('client-a', 'secret-a');
    expect((await invoke(tokenA)).status).toBe(200);

    let from = log().length;
    await editConfig((c) => {
      jwtOf(c).allowedClients = [];
    });
    const invalid = await logLine(/agentcore\.json changed, but the project does not load/, from);
    expect(invalid).toMatch(/last good configuration/);
    expect(log().slice(from)).toMatch(/ERR_CONFIG_INVALID/);
    expect(log().slice(from)).not.toMatch(/Configuration reloaded/);
    expect((await invoke(tokenA)).status).toBe(200);

    from = log().length;
    await editConfig((c) => {
      jwtOf(c).allowedClients = ['client-b'];
    });
    await logLine(/\[dev\] Configuration reloaded \(agentcore\.json changed\)/, from);
    const refused = await invoke(tokenA);
    expect(refused.status).toBe(403);
    expect(log().slice(from)).not.toMatch(/Restart agentcore dev/);
  });

  it('a key changed in .env.local is sent by the gateway after the reload line', async () => {
    const call = async () => {
      const client = new Client({ name: 'it', version: '0.0.1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(ready.gateways[0]?.url ?? '')));
      try {
        return await client.callTool({ name: 'up___add', arguments: { a: 20, b: 22 } });
      } finally {
        await client.close();
      }
    };
    const before = await call().catch((err: Error) => ({ isError: true, content: err.message }));
    expect(before.isError).toBe(true);
    expect(upstream?.lastRequest()?.authorized).toBe(false);

    const from = log().length;
    const envFile = join(project, 'agentcore', '.env.local');
    const text = await readFile(envFile, 'utf8');
    expect(text).toMatch(/^AGENTCORE_CREDENTIAL_UPKEY=/m);
    await writeFile(
      `${envFile}.edit-tmp`,
      text.replace(/^AGENTCORE_CREDENTIAL_UPKEY=.*$/m, 'AGENTCORE_CREDENTIAL_UPKEY=key-new'),
    );
    await rename(`${envFile}.edit-tmp`, envFile);
    await logLine(/\[dev\] Configuration reloaded \(\.env\.local changed\)/, from);
    const after = await call();
    expect(after.content).toEqual([{ type: 'text', text: '42' }]);
    expect(upstream?.lastRequest()?.headers['x-api-key']).toBe('key-new');
    expect(log()).not.toContain('key-new');
  });

  it('a change that needs new processes says that a restart is needed, and the rest still applies', async () => {
    const from = log().length;
    await editConfig((c) => {
      jwtOf(c).allowedClients = ['client-a'];
      (c.runtimes[0] as { envVars?: unknown }).envVars = [{ name: 'GREETING', value: 'hi' }];
    });
    await logLine(/\[dev\] Configuration reloaded/, from);
    const restart = await logLine(/\[dev\] Restart agentcore dev to apply/, from);
    expect(restart).toContain('the environment variables of agent Echo changed');
    expect((await invoke(await token('client-a', 'secret-a'))).status).toBe(200);
  });
});
