/**
 * `token inspect` follows a running `agentcore dev --issuer` like `invoke` and `fetch access` do: a token the dev
 * issuer minted is checked against that issuer (and allowed), and the result says which issuer was used. Without a
 * session and with an unreachable configured issuer, it suggests --offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './helpers.js';
import { startDev, type DevSession } from './dev-session.js';

const SECRET = 'inspect-dev-secret-77b2';
const UNREACHABLE = 'https://idp.invalid/.well-known/openid-configuration';

interface InspectJson {
  decision: string;
  status: number;
  rule?: string;
  issuer: { discoveryUrl: string; source: string };
}

describe('token inspect and the dev session (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  let dev: DevSession | undefined;
  let token = '';
  const session = () => join(root, 'agentcore', '.cli', 'dev-session.json');
  const exists = (p: string) =>
    access(p).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Insp', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Insp');
    const add = await sb.run(
      [
        ...['add', 'agent', '--name', 'A', '--template', 'node', '--authorizer-type', 'custom-jwt'],
        ...['--discovery-url', UNREACHABLE, '--allowed-clients', 'agent-client', '--allowed-scopes', 'agents:invoke'],
        ...['--client-id', 'agent-client', '--client-secret', '-', '--json'],
      ],
      { cwd: root, input: SECRET },
    );
    expect(add.exitCode, add.stdout + add.stderr).toBe(0);
  });
  afterAll(async () => {
    await dev?.stop('SIGINT');
    await sb?.cleanup();
  });

  it('without a session, an unreachable issuer is a 401 at discovery and the warning suggests --offline', async () => {
    const r = await sb.run<InspectJson>(
      [
        'token',
        'inspect',
        'eyJhbGciOiJSUzI1NiJ9.eyJjbGllbnRfaWQiOiJhZ2VudC1jbGllbnQifQ.c2ln',
        '--agent',
        'A',
        '--json',
      ],
      { cwd: root, timeoutMs: 45_000 },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toMatchObject({
      decision: 'deny',
      rule: 'discovery',
      issuer: { discoveryUrl: UNREACHABLE, source: 'config' },
    });
    expect(r.json?.warnings?.[0]).toContain('add --offline');
  }, 60_000);

  it('during `agentcore dev --issuer`, a dev-issued token is checked against the dev issuer and allowed', async () => {
    dev = await startDev(root, sb.env, { timeoutMs: 60_000 });
    expect(await exists(session()), 'agentcore dev wrote its session file').toBe(true);

    const fetched = await sb.run<{ token: string }>(['fetch', 'access', '--type', 'agent', '--name', 'A', '--json'], {
      cwd: root,
    });
    expect(fetched.exitCode, fetched.stdout).toBe(0);
    token = fetched.json?.result?.token ?? '';
    expect(token).toMatch(/^ey/);

    const r = await sb.run<InspectJson>(['token', 'inspect', token, '--agent', 'A', '--json'], { cwd: root });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toMatchObject({ decision: 'allow', status: 200, issuer: { source: 'dev-session' } });
    expect(r.json?.result?.issuer.discoveryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*openid-configuration$/);
    expect(r.json?.warnings).toEqual([]);

    const human = await sb.run(['token', 'inspect', token, '--agent', 'A'], { cwd: root });
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('running `agentcore dev --issuer` session');
    expect(human.stdout + human.stderr).not.toContain(SECRET);
  }, 120_000);
});
