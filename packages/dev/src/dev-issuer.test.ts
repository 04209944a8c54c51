/** The embedded dev issuer: the project's managed credentials become clients; authorizers point at it in memory. */
import { join } from 'node:path';
import { appendFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { credentialEnvNames } from '@agentcore/schema';
import { startDev, type DevSession } from './start-dev.js';
import { readDevSession } from './session.js';
import { testRegistry, secretsOf } from './test-helpers/strategies.js';
import { alive, config, TEMPLATES, tempProject } from './test-helpers/project.js';

let dev: DevSession;
let project: { root: string; cleanup(): Promise<void> };
const logs: string[] = [];
const names = credentialEnvNames('Echo-oauth');
const original = {
  customJwtAuthorizer: {
    discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
    allowedClients: ['demo-client'],
    allowedScopes: ['invoke'],
    allowedAudience: ['https://echo.example'],
  },
};

async function token(
  clientId: string,
  clientSecret: string,
  scope?: string,
): Promise<{ status: number; accessToken?: string }> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    ...(scope ? { scope } : {}),
  });
  const res = await fetch(dev.issuer?.tokenEndpoint ?? '', { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  const json = (await res.json()) as { access_token?: string };
  return { status: res.status, accessToken: json.access_token };
}

beforeAll(async () => {
  project = await tempProject({ Echo: { from: join(TEMPLATES, 'node-echo/main.js'), file: 'main.js' } });
  dev = await startDev({
    root: project.root,
    registry: testRegistry(),
    issuer: true,
    watch: true,
    log: (l) => logs.push(l),
    secrets: secretsOf({ [names.clientId]: 'demo-client', [names.clientSecret]: 'demo-secret' }),
    config: config({
      runtimes: [
        {
          name: 'Echo',
          build: 'CodeZip',
          entrypoint: 'main.js',
          codeLocation: 'app/Echo',
          authorizerType: 'CUSTOM_JWT',
          authorizerConfiguration: original,
        },
      ],
      credentials: [
        { authorizerType: 'OAuthCredentialProvider', name: 'Echo-oauth', managed: true, usage: 'inbound' },
      ] as never,
    }),
  });
}, 30_000);

afterAll(async () => {
  await dev?.close();
  await project?.cleanup();
});

describe('dev issuer', () => {
  it('issues RS256 access tokens with client_id, scope and aud for the managed credential', async () => {
    const t = await token('demo-client', 'demo-secret', 'invoke');
    expect(t.status).toBe(200);
    const claims = decodeJwt(t.accessToken ?? '');
    expect(claims).toMatchObject({
      client_id: 'demo-client',
      scope: 'invoke',
      aud: 'https://echo.example',
      iss: dev.issuer?.issuer,
    });
    expect((await token('demo-client', 'wrong')).status).toBe(401);
  });

  it('the session points the authorizer at the issuer (config object untouched) and records it in the session file', async () => {
    const t = await token('demo-client', 'demo-secret', 'invoke');
    const ok = await fetch(dev.runtimes.Echo ?? '', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.accessToken}`, 'content-type': 'application/json' },
      body: '{"prompt":"x"}',
    });
    expect(ok.status).toBe(200);
    const noScope = await token('demo-client', 'demo-secret');
    const denied = await fetch(dev.runtimes.Echo ?? '', {
      method: 'POST',
      headers: { authorization: `Bearer ${noScope.accessToken}` },
      body: '{}',
    });
    expect(denied.status).toBe(403);
    expect(original.customJwtAuthorizer.discoveryUrl).toBe('https://idp.example.com/.well-known/openid-configuration');
    const session = await readDevSession(project.root);
    expect(session).toMatchObject({
      pid: process.pid,
      issuerDiscoveryUrl: dev.issuer?.discoveryUrl,
      runtimes: { Echo: dev.runtimes.Echo },
    });
    expect(JSON.stringify(session)).not.toContain('demo-secret');
  });

  it('--watch restarts the agent when its code changes', async () => {
    const before = dev.pids();
    await appendFile(join(project.root, 'app/Echo/main.js'), '\n// touched\n');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !logs.some((l) => l.includes('Echo restarted')))
      await new Promise((r) => setTimeout(r, 100));
    expect(logs.some((l) => l.includes('Echo restarted'))).toBe(true);
    expect(dev.pids()).not.toEqual(before);
    expect(before.filter(alive)).toEqual([]);
  });
});

describe('one session per project', () => {
  it('a second startDev on the same project is refused while the first runs', async () => {
    const { writeDevSession } = await import('./session.js');
    const { spawn } = await import('node:child_process');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      const second = await tempProject({});
      try {
        await writeDevSession(second.root, {
          pid: other.pid ?? 0,
          runtimeUrl: 'http://127.0.0.1:1',
          runtimes: {},
          gatewayUrls: {},
          startedAt: new Date().toISOString(),
        });
        await expect(
          startDev({
            root: second.root,
            registry: testRegistry(),
            secrets: secretsOf({}),
            config: config({ agentCoreGateways: [{ name: 'g', targets: [] }] }),
          }),
        ).rejects.toMatchObject({ code: 'ERR_DEV_SESSION_ACTIVE' });
      } finally {
        await second.cleanup();
      }
    } finally {
      other.kill('SIGKILL');
    }
  });
});
