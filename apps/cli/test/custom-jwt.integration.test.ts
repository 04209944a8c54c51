import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { CLAIMS, misuse, URL_OK } from './custom-jwt-misuse.js';
import { createSandbox, fileMode, snapshotProject, type Sandbox } from './helpers.js';

const SECRET = 'inbound-client-secret-7f3a9c';

/** Every file under `dir` (contents), to prove a secret is stored nowhere but encrypted in .env.local. */
async function readAll(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out += await readAll(p);
    else if ((await stat(p)).size < 5_000_000) out += await readFile(p, 'utf8');
  }
  return out;
}

describe('CUSTOM_JWT through the built CLI (--json)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[], input?: string) =>
    sb.run([...args, '--json'], { cwd: root, ...(input === undefined ? {} : { input }) });

  beforeAll(async () => {
    sb = await createSandbox();
    const r = await sb.run(['create', '--name', 'Jwt', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'Jwt');
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['agent', ['add', 'agent', '--name', 'A', '--template', 'node'], 'runtimes', 'A', 'custom_jwt'],
    ['gateway', ['add', 'gateway', '--name', 'G'], 'agentCoreGateways', 'G', 'CUSTOM-JWT'],
  ])(
    'add %s writes the authorizer, the managed credential and both env vars; the secret stays encrypted',
    async (_kind, base, list, name, spelling) => {
      const r = await run(
        [
          ...base,
          '--authorizer-type',
          spelling,
          '--discovery-url',
          URL_OK,
          '--allowed-clients',
          'c1,c2',
          '--allowed-scopes',
          'read',
          '--client-id',
          'c1',
          '--client-secret',
          '-',
        ],
        `${SECRET}\n`,
      );
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
      const resource = config[list].find((x: { name: string }) => x.name === name);
      expect(resource).toMatchObject({
        authorizerType: 'CUSTOM_JWT',
        authorizerConfiguration: {
          customJwtAuthorizer: { discoveryUrl: URL_OK, allowedClients: ['c1', 'c2'], allowedScopes: ['read'] },
        },
      });
      expect(config.credentials).toContainEqual({
        authorizerType: 'OAuthCredentialProvider',
        name: `${name}-oauth`,
        discoveryUrl: URL_OK,
        vendor: 'CustomOauth2',
        managed: true,
        usage: 'inbound',
      });
      const envFile = join(root, 'agentcore', '.env.local');
      const env = await readFile(envFile, 'utf8');
      const prefix = `AGENTCORE_CREDENTIAL_${name}_OAUTH`;
      expect(env).toMatch(new RegExp(`^${prefix}_CLIENT_ID="c1"$`, 'm'));
      expect(env).toMatch(new RegExp(`^${prefix}_CLIENT_SECRET="enc:v1:[A-Za-z0-9+/=]+"$`, 'm'));
      expect(await fileMode(envFile)).toBe(0o600);
      expect(r.stdout + r.stderr + (await readAll(root)) + (await readAll(sb.env.HOME ?? ''))).not.toContain(SECRET);
    },
  );

  it('shows the JWT flags in a help section naming the plugin', async () => {
    const r = await sb.run(['add', 'agent', '--help'], { cwd: root });
    expect(r.exitCode).toBe(0);
    const section = r.stdout.slice(r.stdout.search(/CUSTOM_JWT \(@agentcore\/auth-custom-jwt\)/i));
    expect(section).toMatch(/^CUSTOM_JWT \(@agentcore\/auth-custom-jwt\) FLAGS/im);
    for (const f of [
      'discovery-url',
      'allowed-audience',
      'allowed-clients',
      'allowed-scopes',
      'custom-claims',
      'custom-claims-file',
      'client-id',
      'client-secret',
    ])
      expect(section).toContain(`--${f}`);
  });

  it.each(misuse)(
    'refuses %s with a coded error and actions, leaving the project byte-identical',
    async (_name, flags, flag, message, action) => {
      const before = await snapshotProject(root);
      const r = await run(
        ['add', 'agent', '--name', 'Bad', '--template', 'node', '--authorizer-type', 'custom-jwt', ...flags],
        'x-secret',
      );
      expect(r.exitCode).toBe(1);
      expect(r.json?.code).toBe('ERR_INVALID_INPUT');
      expect(r.json?.actions?.[0]).toMatch(action);
      const problems = (r.json?.details as { problems: { flag?: string; message: string }[] }).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]?.flag).toBe(flag);
      expect(problems[0]?.message).toMatch(message);
      expect(await snapshotProject(root)).toEqual(before);
      await expect(stat(join(root, 'app', 'Bad'))).rejects.toThrow();
    },
  );

  it('refuses JWT flags without --authorizer-type custom-jwt', async () => {
    const before = await snapshotProject(root);
    const r = await run(['add', 'agent', '--name', 'Iam', '--template', 'node', '--discovery-url', URL_OK]);
    expect(r.exitCode).toBe(2);
    expect(r.json?.code).toBe('ERR_STRATEGY_FLAG_UNSELECTED');
    expect(r.json?.actions?.[0]).toMatch(/--authorizer-type custom-jwt/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('takes custom claims from a file', async () => {
    const file = join(sb.dir, 'claims.json');
    await writeFile(file, CLAIMS);
    const r = await run([
      'add',
      'gateway',
      '--name',
      'ClaimsGw',
      '--authorizer-type',
      'custom_jwt',
      '--discovery-url',
      URL_OK,
      '--custom-claims-file',
      file,
    ]);
    expect(r.exitCode, r.stdout).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    expect(
      config.agentCoreGateways.find((g: { name: string }) => g.name === 'ClaimsGw').authorizerConfiguration
        .customJwtAuthorizer.customClaims,
    ).toEqual(JSON.parse(CLAIMS));
  });

  describe('token inspect against a real issuer', () => {
    let idp: OidcIssuer;
    beforeAll(async () => {
      idp = await startOidcIssuer({
        clients: [
          { clientId: 'c1', clientSecret: 's1', scopes: ['read'] },
          { clientId: 'c2', clientSecret: 's2', scopes: ['read'] },
        ],
      });
      const r = await run([
        'add',
        'agent',
        '--name',
        'Live',
        '--template',
        'node',
        '--authorizer-type',
        'custom-jwt',
        '--discovery-url',
        idp.discoveryUrl,
        '--allowed-clients',
        'c1',
        '--allowed-scopes',
        'read',
      ]);
      expect(r.exitCode, r.stdout).toBe(0);
    });
    afterAll(() => idp.close());

    type Inspect = {
      decision: string;
      status: number;
      rule?: string;
      rules: { rule: string; status: string }[];
      claims: Record<string, unknown>;
    };
    it('allows a token of an allowed client, every rule checked online, without printing the token', async () => {
      const token = await idp.requestToken('c1', 's1', ['read']);
      const r = await run(['token', 'inspect', '-', '--agent', 'Live'], token);
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      const result = r.json?.result as Inspect;
      expect(result).toMatchObject({ decision: 'allow', status: 200, claims: { client_id: 'c1' } });
      expect(Object.fromEntries(result.rules.map((x) => [x.rule, x.status]))).toMatchObject({
        signature: 'pass',
        issuer: 'pass',
        exp: 'pass',
        client_id: 'pass',
        scope: 'pass',
      });
      expect(r.stdout).not.toContain(token.split('.')[2]);
    });
    it('denies another client with 403 and names the rule; a forged issuer with 401', async () => {
      const other = await run(['token', 'inspect', await idp.requestToken('c2', 's2', ['read']), '--agent', 'Live']);
      expect(other.json?.result).toMatchObject({ decision: 'deny', status: 403, rule: 'client_id' });
      const forged = await run([
        'token',
        'inspect',
        await idp.signToken({ iss: 'https://evil.example', client_id: 'c1', scope: 'read' }),
        '--agent',
        'Live',
      ]);
      expect(forged.json?.result).toMatchObject({ decision: 'deny', status: 401, rule: 'issuer' });
    });
    it('--offline fetches nothing and skips signature and issuer', async () => {
      idp.resetStats();
      const r = await run([
        'token',
        'inspect',
        await idp.signToken({ client_id: 'c1', scope: 'read' }),
        '--agent',
        'Live',
        '--offline',
      ]);
      const result = r.json?.result as Inspect;
      expect(result.decision).toBe('allow');
      expect(result.rules.filter((x) => x.status === 'skipped').map((x) => x.rule)).toEqual(
        expect.arrayContaining(['discovery', 'signature', 'issuer']),
      );
      expect(idp.stats).toMatchObject({ discovery: 0, jwks: 0 });
    });
    it('reports coded errors for an unknown resource, a non-JWT resource and a missing selector', async () => {
      const unknown = await run(['token', 'inspect', 'a.b.c', '--agent', 'Nope']);
      expect(unknown).toMatchObject({ exitCode: 1, json: { code: 'ERR_NOT_FOUND' } });
      expect(unknown.json?.actions?.[0]).toContain('Live');
      await run(['add', 'agent', '--name', 'Plain', '--template', 'node']);
      const iam = await run(['token', 'inspect', 'a.b.c', '--agent', 'Plain']);
      expect(iam).toMatchObject({ exitCode: 1, json: { code: 'ERR_NOT_CUSTOM_JWT' } });
      expect(iam.json?.actions?.[0]).toMatch(/custom-jwt/);
      const usage = await run(['token', 'inspect', 'a.b.c']);
      expect(usage).toMatchObject({ exitCode: 2, json: { code: 'ERR_USAGE' } });
    });
  });
});
