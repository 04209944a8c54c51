/**
 * More input the CLI refuses or explains before writing: values pasted with control characters or the `…`
 * ellipsis, an unusable `create --dir`, a credential name that does not exist (listing those of the right kind),
 * and the wording of "not found" errors.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';

describe('pasted values, create --dir, credential names (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[], input?: string) =>
    sb.run([...args, '--json'], { cwd: root, ...(input === undefined ? {} : { input }) });

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'More', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'More');
    expect((await run(['add', 'gateway', '--name', 'gw'])).exitCode).toBe(0);
    expect(
      (await run(['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-'], 'k')).exitCode,
    ).toBe(0);
    expect(
      (await run(['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-'], 'k')).exitCode,
    ).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const jwt = ['add', 'agent', '--name', 'J', '--authorizer-type', 'custom-jwt', '--discovery-url', DISCOVERY];
  it.each([
    ['an ellipsis in an audience', [...jwt, '--allowed-audience', 'api://my-api…'], 'allowed-audience'],
    ['a control character in a client', [...jwt, '--allowed-clients', 'client\u0007id'], 'allowed-clients'],
    ['an ellipsis in a scope', [...jwt, '--allowed-scopes', 'read…'], 'allowed-scopes'],
    [
      'an ellipsis in the test client id',
      [...jwt, '--allowed-clients', 'c1', '--client-id', 'c1…', '--client-secret', 's'],
      'client-id',
    ],
  ])('refuses %s, naming the flag', async (_what, args, flag) => {
    const before = await snapshotProject(root);
    const r = await run(args);
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    const problems = (r.json?.details?.problems ?? []) as { flag?: string; message: string }[];
    expect(problems.find((p) => p.flag === flag)?.message).toMatch(/control character|ellipsis|printable/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('an unknown --credential-name lists the credentials of the kind the auth needs', async () => {
    const r = await run([
      ...['add', 'gateway-target', '--gateway', 'gw', '--name', 't', '--type', 'mcp-server'],
      ...['--endpoint', 'https://a.example/mcp', '--outbound-auth', 'api-key', '--credential-name', 'Nope'],
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.json?.message).toContain('No credential named Nope in this project; API-key credentials here: K1, K2');
    const oauth = await run([
      ...['add', 'gateway-target', '--gateway', 'gw', '--name', 't', '--type', 'mcp-server'],
      ...['--endpoint', 'https://a.example/mcp', '--outbound-auth', 'oauth', '--credential-name', 'Nope'],
    ]);
    expect(oauth.exitCode).toBe(1);
    expect(oauth.json?.message).toContain('No credential named Nope in this project; it has no OAuth credential yet');
  });

  it('"not found" names the gateway with a space', async () => {
    const r = await run(['remove', 'gateway-target', '--gateway', 'gw', '--name', 't4']);
    expect(r.exitCode).toBe(1);
    expect(r.json?.message).toBe('No gateway-target named t4 in gateway gw.');
  });

  it.each([
    ['a file', 'afile'],
    ['a folder under a file', 'afile/sub'],
    ['/proc', '/proc/agentcore-x'],
    ['/sys', '/sys/kernel/agentcore-x'],
  ])('create --dir on %s is a user error naming the folder, at once', async (_what, dir) => {
    await writeFile(join(sb.dir, 'afile'), 'x');
    const started = Date.now();
    const r = await sb.run(['create', '--name', 'P', '--dir', dir, '--json'], { timeoutMs: 20_000 });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.message).toContain(dir.startsWith('/') ? dir : join(sb.dir, dir));
    expect(r.json?.actions?.[0]).toContain('--dir');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('create --dir on a read-only folder is a user error naming the folder', async () => {
    const ro = join(sb.dir, 'ro');
    await mkdir(ro);
    // Root ignores permission bits: as root the folder is made immutable instead (`chattr +i`), which stops root too.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', ro]);
    else await chmod(ro, 0o555);
    try {
      const r = await sb.run(['create', '--name', 'P', '--dir', ro, '--json']);
      expect(r.exitCode).toBe(1);
      expect(r.json?.code).toBe('ERR_INVALID_INPUT');
      expect(r.json?.message).toContain(ro);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', ro]);
    }
  });
});
