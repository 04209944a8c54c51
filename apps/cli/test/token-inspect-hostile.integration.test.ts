/** `token inspect --json` through the built CLI with hostile tokens: a decision every time, never ERR_INTERNAL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './helpers.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const token = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.c2ln`;
const claims = { client_id: 'c1', scope: 'read' };

type Inspect = { decision: string; status: number; rule?: string; reason?: string };

describe('token inspect with hostile tokens (built CLI, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const inspect = (t: string, ...extra: string[]) =>
    sb.run<Inspect>(['token', 'inspect', '-', '--agent', 'A', '--json', ...extra], { cwd: root, input: t });

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Hostile', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Hostile');
    const added = await sb.run(
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
        'c1',
        '--json',
      ],
      { cwd: root },
    );
    expect(added.exitCode, added.stdout).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['exp 1e300', { exp: 1e300 }, 200, undefined],
    ['exp -1e300', { exp: -1e300 }, 401, 'exp'],
    ['exp 9e15', { exp: 9e15 }, 200, undefined],
    ['nbf 1e300', { exp: 1e300, nbf: 1e300 }, 401, 'nbf'],
    ['nbf -1e300', { exp: 9e15, nbf: -1e300 }, 200, undefined],
  ])('--offline, %s: decided (%i), exit 0', async (_name, times, status, rule) => {
    const r = await inspect(token({ alg: 'RS256' }, { ...claims, ...times }), '--offline');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result).toMatchObject({ status, ...(rule ? { rule } : {}) });
  });

  it.each([
    ['alg none', { alg: 'none' }, 'algorithm'],
    ['crit', { alg: 'RS256', crit: ['b64'], b64: false }, 'token'],
    ['zip', { alg: 'RS256', zip: 'DEF' }, 'token'],
  ])('--offline, %s with exp 1e300: 401 on %s', async (_name, header, rule) => {
    const r = await inspect(token(header, { ...claims, exp: 1e300, nbf: -1e300 }), '--offline');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result).toMatchObject({ decision: 'deny', status: 401, rule });
  });
});
