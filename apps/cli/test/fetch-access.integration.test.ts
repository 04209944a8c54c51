import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { createSandbox, type Sandbox } from './helpers.js';
import { freePort, startServer, type Peer } from './invoke-peers.js';

const SECRET = 'fetch-access-secret-5c2e';
const ARN = 'arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/A-xyz';

interface AccessResult {
  url?: string;
  authType: string;
  token?: string;
  expiresIn?: number;
  fromCache?: boolean;
  message?: string;
  type: string;
}

describe('agentcore fetch access (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  let idp: OidcIssuer;
  const peers: Peer[] = [];
  const cli = (args: string[], input?: string) =>
    sb.run<AccessResult>([...args, '--json'], { cwd: root, ...(input !== undefined ? { input } : {}) });
  const addJwtAgent = async (name: string, discoveryUrl: string, secret: string) => {
    const r = await cli(
      [
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
        '--allowed-scopes',
        'agents:invoke',
        '--client-id',
        'agent-client',
        '--client-secret',
        '-',
      ],
      secret,
    );
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  };

  beforeAll(async () => {
    sb = await createSandbox();
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:invoke'] }],
    });
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await addJwtAgent('A', idp.discoveryUrl, SECRET);
    expect((await cli(['add', 'agent', '--name', 'Iam', '--template', 'node'])).exitCode).toBe(0);
    await mkdir(join(root, 'agentcore', '.cli'), { recursive: true });
    await writeFile(
      join(root, 'agentcore', '.cli', 'deployed-state.json'),
      JSON.stringify({
        targets: { default: { region: 'eu-west-1', resources: { runtimes: { A: { runtimeArn: ARN } } } } },
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([idp?.close(), ...peers.map((p) => p.close())]);
    await sb?.cleanup();
  });

  it('prints {url, authType, token, expiresIn} for a CUSTOM_JWT agent, then serves the cached token', async () => {
    idp.resetStats();
    const r = await cli(['fetch', 'access', '--type', 'agent', '--name', 'A']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const result = r.json?.result;
    expect(result).toMatchObject({
      url: `https://bedrock-agentcore.eu-west-1.amazonaws.com/runtimes/${encodeURIComponent(ARN)}/invocations`,
      authType: 'CUSTOM_JWT',
      expiresIn: expect.any(Number),
      fromCache: false,
    });
    expect(decodeJwt(result?.token ?? '')).toMatchObject({
      iss: idp.issuer,
      client_id: 'agent-client',
      scope: 'agents:invoke',
    });
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const cacheFile = join(root, 'agentcore', '.cli', 'token-cache.json');
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(cacheFile, 'utf8')).not.toContain(SECRET);

    const again = await cli(['fetch', 'access', '--name', 'A']);
    expect(again.json?.result).toMatchObject({ token: result?.token, fromCache: true });
    expect(idp.stats.token).toBe(1);
    const fresh = await cli(['fetch', 'access', '--name', 'A', '--no-cache']);
    expect(fresh.json?.result?.fromCache).toBe(false);
    expect(idp.stats.token).toBe(2);
  });

  it("takes the URL from a running agentcore dev session when not deployed, and its dev issuer's token", async () => {
    const state = join(root, 'agentcore', '.cli', 'deployed-state.json');
    const saved = await readFile(state, 'utf8');
    await rm(state);
    const devIssuer = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:invoke'] }],
    });
    try {
      const none = await cli(['fetch', 'access', '--name', 'A']);
      expect(none.exitCode).toBe(0);
      expect(none.json?.result).not.toHaveProperty('url');
      expect(none.json?.warnings?.[0]).toMatch(/agentcore dev/);
      // The shape @agentcore/dev writes (session.ts); this test process stands in for the live dev process (pid).
      const session = {
        pid: process.pid,
        runtimeUrl: 'http://127.0.0.1:8080',
        runtimes: { A: 'http://127.0.0.1:8080/runtimes/A/invocations' },
        gatewayUrls: {},
        issuerDiscoveryUrl: devIssuer.discoveryUrl,
        startedAt: new Date().toISOString(),
      };
      await writeFile(join(root, 'agentcore', '.cli', 'dev-session.json'), JSON.stringify(session));
      const dev = await cli(['fetch', 'access', '--name', 'A']);
      expect(dev.json?.result?.url).toBe('http://127.0.0.1:8080/runtimes/A/invocations');
      expect(decodeJwt(dev.json?.result?.token ?? '').iss).toBe(devIssuer.issuer);
      expect(devIssuer.stats.token).toBe(1);
    } finally {
      await devIssuer.close();
      await writeFile(state, saved);
      await rm(join(root, 'agentcore', '.cli', 'dev-session.json'), { force: true });
    }
  });

  it('gives SigV4 guidance for an AWS_IAM agent (exit 0, no token)', async () => {
    const r = await cli(['fetch', 'access', '--type', 'agent', '--name', 'Iam']);
    expect(r.exitCode).toBe(0);
    expect(r.json?.result).toMatchObject({
      authType: 'AWS_IAM',
      message: expect.stringMatching(/SigV4.*bedrock-agentcore/),
    });
    expect(r.json?.result).not.toHaveProperty('token');
  });

  it('lists the available resources for an unknown name or a missing --name', async () => {
    const unknown = await cli(['fetch', 'access', '--type', 'agent', '--name', 'Nope']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.json?.code).toBe('ERR_NOT_FOUND');
    expect(unknown.json?.details?.available).toEqual([
      { name: 'A', type: 'agent', authType: 'CUSTOM_JWT' },
      { name: 'Iam', type: 'agent', authType: 'AWS_IAM' },
    ]);
    expect(unknown.json?.actions?.[0]).toMatch(/A, Iam/);
    const missing = await cli(['fetch', 'access']);
    expect(missing.json?.code).toBe('ERR_MISSING_FLAGS');
    expect(missing.json?.details?.available).toHaveLength(2);
  });

  it('names an unknown --identity-name and lists the OAuth credentials', async () => {
    const r = await cli(['fetch', 'access', '--name', 'A', '--identity-name', 'other-oauth']);
    expect(r.json?.code).toBe('ERR_NOT_FOUND');
    expect(r.json?.details?.available).toEqual(['A-oauth']);
  });

  it('gateways: the deployed gatewayUrl, and NONE needs no auth', async () => {
    expect((await cli(['add', 'gateway', '--name', 'gw-open'])).exitCode).toBe(0);
    const state = join(root, 'agentcore', '.cli', 'deployed-state.json');
    const saved = await readFile(state, 'utf8');
    const gatewayUrl = 'https://gw-open-abc.gateway.bedrock-agentcore.eu-west-1.amazonaws.com/mcp';
    await writeFile(
      state,
      JSON.stringify({
        targets: {
          default: {
            region: 'eu-west-1',
            resources: { runtimes: { A: { runtimeArn: ARN } }, mcp: { gateways: { 'gw-open': { gatewayUrl } } } },
          },
        },
      }),
    );
    try {
      const r = await cli(['fetch', 'access', '--type', 'gateway', '--name', 'gw-open']);
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(r.json?.result).toMatchObject({
        type: 'gateway',
        url: gatewayUrl,
        authType: 'NONE',
        message: expect.any(String),
      });
      expect(r.json?.result).not.toHaveProperty('token');
      expect((await cli(['fetch', 'access', '--type', 'gateway', '--name', 'A'])).json?.code).toBe('ERR_NOT_FOUND');
    } finally {
      await writeFile(state, saved);
    }
  });

  describe('identity-provider failures are coded and never show the secret', () => {
    it('IdP down → ERR_DISCOVERY', async () => {
      await addJwtAgent('Down', `http://127.0.0.1:${await freePort()}/.well-known/openid-configuration`, SECRET);
      const r = await cli(['fetch', 'access', '--name', 'Down']);
      expect(r.exitCode).toBe(1);
      expect(r.json?.code).toBe('ERR_DISCOVERY');
      expect(r.json?.actions?.[0]).toBe('Check that the discovery URL is right and reachable from this machine.');
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    });

    it('wrong client secret → ERR_TOKEN_REQUEST naming invalid_client and the status', async () => {
      const wrong = 'definitely-wrong-secret-77';
      await addJwtAgent('Wrong', idp.discoveryUrl, wrong);
      // Same issuer, client and scopes as A: the cache (keyed by those, never by the secret) would answer; bypass it.
      const r = await cli(['fetch', 'access', '--name', 'Wrong', '--no-cache']);
      expect(r.json).toMatchObject({ code: 'ERR_TOKEN_REQUEST', details: { status: 401, error: 'invalid_client' } });
      expect(r.json?.actions?.[0]).toMatch(/client id and client secret/);
      expect(r.stdout + r.stderr).not.toContain(wrong);
    });

    it('discovery without token_endpoint → ERR_DISCOVERY', async () => {
      const bare = await startServer((req, res) => {
        const issuer = `http://${req.headers.host}`;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      });
      peers.push(bare);
      await addJwtAgent('NoTok', `${bare.url}/.well-known/openid-configuration`, SECRET);
      const r = await cli(['fetch', 'access', '--name', 'NoTok']);
      expect(r.json).toMatchObject({ code: 'ERR_DISCOVERY', details: { reason: 'no_token_endpoint' } });
    });
  });
});
