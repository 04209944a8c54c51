#!/usr/bin/env node
// The main job: the full local story, unattended, in a temp folder, in well under a minute.
//   a project with a CUSTOM_JWT echo agent and a gateway whose mcpServer target needs an API key
//   → `agentcore dev --issuer` (local runtime + gateway emulators and a local OIDC issuer)
//   → fetch a token, invoke with streaming, see the 401 and the 403 AWS would give, call a gateway tool
//   → stop everything and check nothing is left running.
// It drives the real `agentcore` binary the way a user would and prints what each step shows.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer } from '@agentcore/testkit';

const BIN = fileURLToPath(new URL('../apps/cli/bin/run.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'agentcore-demo-'));
const env = {
  PATH: process.env.PATH,
  HOME: join(work, 'home'),
  AGENTCORE_CONFIG_DIR: join(work, 'home', '.agentcore'),
  AGENTCORE_DISABLE_KEYCHAIN: '1',
  XDG_DATA_HOME: join(work, 'xdg'),
  XDG_CONFIG_HOME: join(work, 'xdg-config'),
  XDG_CACHE_HOME: join(work, 'xdg-cache'),
  NO_COLOR: '1',
};
const project = join(work, 'Demo');
const CLIENT_SECRET = 'demo-client-secret-0001';
const UPSTREAM_KEY = 'demo-upstream-key-0002';
const started = Date.now();
let dev;
let upstream;

const step = (title) => console.log(`\n━━ ${title}`);
const note = (text) => console.log(`   → ${text}`);
const mask = (s) => (s.length > 12 ? `${s.slice(0, 8)}…(${s.length} chars)` : '****');

/** Run the CLI (async, so the demo's own MCP server keeps answering); echo its output; return it. */
function agentcore(args, { input, expectFail = false, quiet = false, live = false } = {}) {
  console.log(`\n$ agentcore ${args.join(' ')}${input ? '   (secret piped on stdin)' : ''}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: existsSync(project) ? project : work,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (live) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      if (!quiet && !live) process.stdout.write(stdout);
      if (!quiet) process.stdout.write(stderr);
      if ((status === 0) === expectFail)
        reject(new Error(`agentcore ${args.join(' ')} exited ${status}\n${stdout}${stderr}`));
      else resolve({ status, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** Start `agentcore dev --issuer --json` and wait for its one ready line. */
async function startDev() {
  console.log('\n$ agentcore dev --issuer --json   (in the background)');
  dev = spawn(process.execPath, [BIN, 'dev', '--issuer', '--json'], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stderr.on('data', (d) => {
    for (const line of String(d).split('\n')) if (line.startsWith('[')) console.log(`   ${line}`);
  });
  const line = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('agentcore dev was not ready within 30 s')), 30_000);
    createInterface({ input: dev.stdout }).once('line', (l) => (clearTimeout(timer), resolve(l)));
    dev.once('exit', (code) => reject(new Error(`agentcore dev exited with ${code}`)));
  });
  return JSON.parse(line).result;
}

async function issuerToken(discoveryUrl, scope) {
  const { token_endpoint } = await (await fetch(discoveryUrl)).json();
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'demo-client',
    client_secret: CLIENT_SECRET,
    ...(scope ? { scope } : {}),
  });
  const res = await fetch(token_endpoint, { method: 'POST', body });
  return (await res.json()).access_token;
}

async function showDenial(url, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: '{"prompt":"hi"}',
  });
  const body = await res.json();
  console.log(`   HTTP ${res.status}  body.message: ${JSON.stringify(body.message)}`);
  if (res.headers.get('www-authenticate')) console.log(`   WWW-Authenticate: ${res.headers.get('www-authenticate')}`);
  console.log(`   x-agentcore-dev-denial: ${res.headers.get('x-agentcore-dev-denial')}`);
  return res.status;
}

/** Direct children of a process (the agent processes of `agentcore dev`). */
function childPids(pid) {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}
const alive = (pid) => {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
};

function expect(condition, message) {
  if (!condition) throw new Error(`demo check failed: ${message}`);
  note(`ok: ${message}`);
}

try {
  step('1. A project with an echo agent that only accepts JWTs (CUSTOM_JWT)');
  await agentcore(['create', '--name', 'Demo']);
  await agentcore(
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
      '--allowed-scopes',
      'invoke',
      '--client-id',
      'demo-client',
      '--client-secret',
      '-',
    ],
    { input: CLIENT_SECRET },
  );
  note(
    'the discovery URL is a placeholder: `agentcore dev --issuer` stands in for the identity provider, for the session only.',
  );

  step('2. A real MCP server (the demo starts it) that requires "Authorization: Bearer <key>"');
  upstream = await startMcpServer({
    auth: { location: 'HEADER', name: 'Authorization', value: `Bearer ${UPSTREAM_KEY}` },
  });
  note(`upstream MCP server: ${upstream.url}`);

  step('3. A gateway with an mcpServer target that sends the API key where the upstream wants it');
  await agentcore(['add', 'credential', '--name', 'UpstreamKey', '--type', 'api-key', '--api-key', '-'], {
    input: UPSTREAM_KEY,
  });
  await agentcore(['add', 'gateway', '--name', 'tools']);
  await agentcore([
    'add',
    'gateway-target',
    '--gateway',
    'tools',
    '--name',
    'calc',
    '--type',
    'mcp-server',
    '--endpoint',
    upstream.url,
    '--outbound-auth',
    'api-key',
    '--credential-name',
    'UpstreamKey',
    '--api-key-location',
    'header',
    '--api-key-parameter-name',
    'Authorization',
    '--api-key-prefix',
    'Bearer',
  ]);
  const configText = readFileSync(join(project, 'agentcore', 'agentcore.json'), 'utf8');
  console.log('\n--- agentcore/agentcore.json ---\n' + configText);
  expect(
    !configText.includes(CLIENT_SECRET) && !configText.includes(UPSTREAM_KEY),
    'no secret in agentcore.json (they are encrypted in agentcore/.env.local)',
  );

  step('4. agentcore dev --issuer: the agent process, the runtime + gateway emulators and a local OIDC issuer');
  const ready = await startDev();
  const runtimeUrl = ready.runtimes[0].url;
  note(`runtime Echo: POST ${runtimeUrl}`);
  note(`gateway tools: ${ready.gateways[0].url}`);
  note(`dev issuer: ${ready.issuerDiscoveryUrl} (clients: ${ready.issuerClients.join(', ')})`);
  expect(
    JSON.parse(readFileSync(ready.sessionFile, 'utf8')).runtimes.Echo === runtimeUrl,
    'agentcore/.cli/dev-session.json tells other shells where dev runs',
  );
  expect(
    readFileSync(join(project, 'agentcore', 'agentcore.json'), 'utf8') === configText,
    'agentcore.json is unchanged by --issuer',
  );

  step('5. Get an access token for the agent');
  let token;
  const fetched = await agentcore(['fetch', 'access', '--type', 'agent', '--name', 'Echo', '--json'], {
    quiet: true,
  }).catch((err) => ({ error: err }));
  if (!fetched.error) {
    token = JSON.parse(fetched.stdout).result.token;
    note(`agentcore fetch access → a JWT from the dev issuer (${mask(token)})`);
  } else {
    note(
      'agentcore fetch access does not use the dev session yet; asking the dev issuer directly (client_credentials, client_secret_post)',
    );
    token = await issuerToken(ready.issuerDiscoveryUrl, 'invoke');
    note(`token: ${mask(token)}`);
  }
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  note(`claims: client_id=${claims.client_id} scope=${claims.scope} iss=${claims.iss}`);

  step('6. agentcore invoke, streaming, through the runtime emulator (the token is verified as AWS would)');
  const invoked = await agentcore(['invoke', '--runtime', 'Echo', '--bearer-token', '-', 'hello from the demo'], {
    input: token,
    live: true,
    quiet: false,
  }).catch((err) => ({ error: err }));
  if (invoked.error) {
    note(
      `agentcore invoke could not reach the dev session yet (${invoked.error.message.split('\n')[0]}); calling the emulator over HTTP instead`,
    );
    const res = await fetch(runtimeUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
      body: '{"prompt":"hello from the demo"}',
    });
    process.stdout.write('   ');
    for await (const chunk of res.body) process.stdout.write(Buffer.from(chunk).toString().replace(/\n\n/g, ' '));
    console.log();
    expect(res.status === 200, 'the agent answered through the emulator with a valid token');
  } else {
    expect(invoked.stdout.includes('echo: hello from the demo'), 'the echo agent streamed its answer back');
  }

  step('7. No token → 401, as AgentCore answers, plus the dev-only reason');
  expect((await showDenial(runtimeUrl)) === 401, 'missing token is a 401 with WWW-Authenticate: Bearer');

  step('8. An authentic token without the "invoke" scope → 403, and why');
  const noScope = await issuerToken(ready.issuerDiscoveryUrl);
  expect((await showDenial(runtimeUrl, noScope)) === 403, 'a valid token that fails the allowedScopes rule is a 403');

  step("9. Call a gateway tool: the gateway emulator applies the target's API-key placement");
  const client = new Client({ name: 'agentcore-demo', version: '0.1.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(ready.gateways[0].url)));
  const { tools } = await client.listTools();
  note(`tools/list → ${tools.map((t) => t.name).join(', ')}`);
  const result = await client.callTool({ name: 'calc___add', arguments: { a: 19, b: 23 } });
  note(`tools/call calc___add {a: 19, b: 23} → ${result.content[0].text}`);
  await client.close();
  const seen = upstream.lastRequest().headers.authorization;
  note(`the upstream received Authorization: Bearer ${mask(seen.slice('Bearer '.length))}`);
  expect(
    seen === `Bearer ${UPSTREAM_KEY}`,
    'the key arrived in the Authorization header with the Bearer prefix, as the placement says',
  );

  step('10. Ctrl-C (SIGTERM) stops the agent, the emulators and the issuer');
  const agents = childPids(dev.pid);
  note(`agent processes of agentcore dev: ${agents.join(', ') || '(none found)'}`);
  const exited = new Promise((resolve) => dev.once('exit', resolve));
  dev.kill('SIGTERM');
  expect((await exited) === 0, 'agentcore dev exited cleanly');
  expect(agents.filter(alive).length === 0, 'no agent process is left running');
  expect(!existsSync(ready.sessionFile), 'the session file is removed');
  console.log(`\ndemo finished OK in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  if (dev && dev.exitCode === null && dev.signalCode === null) dev.kill('SIGTERM');
  await upstream?.close();
  rmSync(work, { recursive: true, force: true });
}
