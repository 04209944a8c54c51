/** `agentcore remove …`: plan preview, orphan refusal, --force, managed credentials and --dry-run (built binary). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RemoveResult } from '../src/operations/remove.js';
import { createSandbox, fileMode, snapshotProject, type Sandbox } from './helpers.js';

const ECHO_ENV = ['AGENTCORE_CREDENTIAL_ECHO_OAUTH_CLIENT_ID', 'AGENTCORE_CREDENTIAL_ECHO_OAUTH_CLIENT_SECRET'];

describe('remove (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const configFile = () => join(root, 'agentcore', 'agentcore.json');
  const envFile = () => join(root, 'agentcore', '.env.local');
  const readConfig = async () => JSON.parse(await readFile(configFile(), 'utf8'));
  const run = (args: string[], input?: string) =>
    sb.run<RemoveResult>([...args, '--json'], { cwd: root, ...(input ? { input } : {}) });
  const ok = async (args: string[], input?: string) => {
    const r = await run(args, input);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    return r;
  };

  beforeAll(async () => {
    sb = await createSandbox();
    await sb.run(['create', '--name', 'Demo', '--json']);
    root = join(sb.dir, 'Demo');
    await ok(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'key-value');
    await ok(['add', 'gateway', '--name', 'gw']);
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'weather',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://w.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
    ]);
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'open',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://o.example.com/mcp',
    ]);
    await ok(['add', 'agent', '--name', 'Echo', '--template', 'node']);
    // The managed inbound credential an agent with CUSTOM_JWT inbound auth gets, with its two keys.
    const config = await readConfig();
    config.credentials.push({
      authorizerType: 'OAuthCredentialProvider',
      name: 'Echo-oauth',
      vendor: 'CustomOauth2',
      managed: true,
      usage: 'inbound',
    });
    await writeFile(configFile(), JSON.stringify(config, null, 2) + '\n');
    await appendFile(envFile(), `${ECHO_ENV[0]}="client-1"\n${ECHO_ENV[1]}="enc:v1:AAAA"\n`);
  });
  afterAll(() => sb.cleanup());

  it('--dry-run prints the plan (config entries and env keys by name) and changes nothing', async () => {
    const before = await snapshotProject(root);
    const r = await ok(['remove', 'agent', '--name', 'Echo', '--dry-run']);
    expect(r.json?.result).toMatchObject({
      kind: 'agent',
      name: 'Echo',
      dryRun: true,
      blockedBy: [],
      removed: [
        { kind: 'runtime', name: 'Echo', path: 'runtimes.0', why: 'requested' },
        { kind: 'credential', name: 'Echo-oauth', why: 'managed' },
      ],
      envKeys: ECHO_ENV,
    });
    expect(r.stdout).not.toContain('client-1');
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('prints a human preview of exactly what goes', async () => {
    const r = await sb.run(['remove', 'gateway', '--name', 'gw', '--dry-run'], { cwd: root });
    expect(r.exitCode).toBe(0);
    for (const part of ['gw', 'weather', 'open', 'agentCoreGateways.0.targets.1']) expect(r.stdout).toContain(part);
  });

  it('refuses to orphan a credential a target uses, listing the reference; files untouched', async () => {
    const before = await snapshotProject(root);
    const r = await run(['remove', 'credential', '--name', 'MyKey']);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_IN_USE');
    expect(r.json?.actions).toHaveLength(2);
    expect(r.json?.actions?.[1]).toMatch(/--force/);
    expect(r.json?.details?.blockedBy).toEqual([
      {
        credential: 'MyKey',
        reason: 'referenced',
        by: 'gateway gw target weather',
        path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName',
      },
    ]);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('--force cannot leave a reference an installed plugin requires: coded refusal, files untouched', async () => {
    const before = await snapshotProject(root);
    const r = await run(['remove', 'credential', '--name', 'MyKey', '--force']);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_IN_USE');
    expect(r.json?.details?.issues).toEqual([
      expect.objectContaining({ path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName' }),
    ]);
    expect(r.json?.actions?.[0]).toMatch(/remove gateway-target/);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('refuses to remove the managed credential of an existing agent without --force', async () => {
    const before = await snapshotProject(root);
    const r = await run(['remove', 'credential', '--name', 'Echo-oauth', '--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.json?.result?.blockedBy).toEqual([
      { credential: 'Echo-oauth', reason: 'managed', by: 'agent Echo', path: 'runtimes.0.name' },
    ]);
    const refused = await run(['remove', 'credential', '--name', 'Echo-oauth']);
    expect(refused.json?.code).toBe('ERR_IN_USE');
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('removes the agent with its managed credential and both env keys; other secrets and the code stay', async () => {
    const r = await ok(['remove', 'agent', '--name', 'Echo']);
    expect(r.json?.result).toMatchObject({ dryRun: false, envKeys: ECHO_ENV });
    const config = await readConfig();
    expect(config.runtimes).toEqual([]);
    expect(config.credentials.map((c: { name: string }) => c.name)).toEqual(['MyKey']);
    const env = await readFile(envFile(), 'utf8');
    for (const k of ECHO_ENV) expect(env).not.toContain(k);
    expect(env).toMatch(/^AGENTCORE_CREDENTIAL_MYKEY="enc:v1:/m);
    expect(await fileMode(envFile())).toBe(0o600);
    await access(join(root, 'app', 'Echo', 'main.js'));
  });

  it('--force removes a managed credential whose owner still exists', async () => {
    await ok(['add', 'agent', '--name', 'Solo', '--template', 'node']);
    const config = await readConfig();
    config.credentials.push({
      authorizerType: 'OAuthCredentialProvider',
      name: 'Solo-oauth',
      managed: true,
      usage: 'inbound',
    });
    await writeFile(configFile(), JSON.stringify(config, null, 2) + '\n');
    const r = await ok(['remove', 'credential', '--name', 'Solo-oauth', '--force']);
    expect(r.json?.result).toMatchObject({
      forced: true,
      blockedBy: [{ credential: 'Solo-oauth', reason: 'managed' }],
    });
    expect(r.json?.warnings).toHaveLength(1);
    expect((await readConfig()).credentials.map((c: { name: string }) => c.name)).toEqual(['MyKey']);
  });

  it('removes a target, then its credential once nothing uses it', async () => {
    await ok(['remove', 'gateway-target', '--gateway', 'gw', '--name', 'weather']);
    const r = await ok(['remove', 'credential', '--name', 'MyKey']);
    expect(r.json?.result).toMatchObject({ envKeys: ['AGENTCORE_CREDENTIAL_MYKEY'], blockedBy: [] });
    expect(await readFile(envFile(), 'utf8')).not.toContain('AGENTCORE_CREDENTIAL_MYKEY');
    expect((await readConfig()).credentials).toEqual([]);
  });

  it('removes a gateway with its remaining targets', async () => {
    const r = await ok(['remove', 'gateway', '--name', 'gw']);
    expect(r.json?.result?.removed.map((e) => `${e.kind}:${e.name}`)).toEqual(['gateway:gw', 'gateway-target:open']);
    expect((await readConfig()).agentCoreGateways).toEqual([]);
  });

  it('an unknown name is ERR_NOT_FOUND listing what exists', async () => {
    const r = await run(['remove', 'agent', '--name', 'Nope']);
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_NOT_FOUND');
    expect(r.json?.details).toMatchObject({ kind: 'agent', name: 'Nope', available: ['Solo'] });
    expect(r.json?.actions?.[0]).toContain('Solo');
  });
});
