import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';
import { parseNdjson } from './invoke-peers.js';

const SECRET = 'dev-session-secret-41aa';

describe('invoke and fetch access through a running `agentcore dev --issuer` (no --endpoint)', () => {
  let sb: Sandbox;
  let root: string;
  let dev: DevSession | undefined;

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    const add = await sb.run(
      [
        'add',
        'agent',
        '--name',
        'A',
        '--template',
        'node',
        '--authorizer-type',
        'custom-jwt',
        '--discovery-url',
        'https://idp.example.com/.well-known/openid-configuration',
        '--allowed-clients',
        'agent-client',
        '--allowed-scopes',
        'agents:invoke',
        '--client-id',
        'agent-client',
        '--client-secret',
        '-',
        '--json',
      ],
      { cwd: root, input: SECRET },
    );
    expect(add.exitCode, add.stdout + add.stderr).toBe(0);
    dev = await startDev(root, sb.env);
  });
  afterAll(async () => {
    await dev?.stop('SIGINT');
    await sb?.cleanup();
  });

  it('finds the local runtime, takes a token from the dev issuer, and caches it', async () => {
    const first = await sb.run(['invoke', '--runtime', 'A', 'hi', '--json'], { cwd: root });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(parseNdjson(first.stdout).envelope?.result).toMatchObject({
      endpointSource: 'dev',
      authSource: 'idp',
      authType: 'CUSTOM_JWT',
      text: 'echo: hi',
    });
    const second = await sb.run(['invoke', '--runtime', 'A', 'again', '--json'], { cwd: root });
    expect(parseNdjson(second.stdout).envelope?.result).toMatchObject({
      endpointSource: 'dev',
      authSource: 'cache',
      text: 'echo: again',
    });

    const access = await sb.run<{ url: string; token: string }>(['fetch', 'access', '--name', 'A', '--json'], {
      cwd: root,
    });
    expect(access.json?.result?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/runtimes\/A\/invocations$/);
    expect(decodeJwt(access.json?.result?.token ?? '')).toMatchObject({
      client_id: 'agent-client',
      iss: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
    expect(first.stdout + first.stderr + second.stdout + access.stdout).not.toContain(SECRET);
  });
});
