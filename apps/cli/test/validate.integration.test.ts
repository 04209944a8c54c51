/** `agentcore validate`: OK with counts, every issue with its path and actions, warnings for secrets and code (built binary). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateResult } from '../src/operations/validate.js';
import { cliWithout } from './cli-without.js';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';

function runCli(
  script: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; json: any }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd, env, timeout: 30_000 }, (err, stdout) => {
      resolve({ exitCode: err ? Number(err.code ?? 1) : 0, json: JSON.parse(stdout || '{}') });
    });
  });
}

describe('validate (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  let valid: string;
  const configFile = () => join(root, 'agentcore', 'agentcore.json');
  const run = (args: string[] = []) => sb.run<ValidateResult>(['validate', ...args, '--json'], { cwd: root });

  beforeAll(async () => {
    sb = await createSandbox();
    await sb.run(['create', '--name', 'Demo', '--json']);
    root = join(sb.dir, 'Demo');
    const add = async (args: string[], input?: string) =>
      expect((await sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}) })).exitCode).toBe(0);
    await add(['add', 'agent', '--name', 'Echo', '--template', 'node']);
    await add(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'k');
    await add(['add', 'gateway', '--name', 'gw']);
    await add([
      'add',
      'gateway-target',
      '--gateway',
      'gw',
      '--name',
      'w',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://w.example.com/mcp',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
    ]);
    valid = await readFile(configFile(), 'utf8');
  });
  afterAll(() => sb.cleanup());

  it('reports a valid project with counts and no findings', async () => {
    const r = await run();
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toEqual({
      valid: true,
      configFile: configFile(),
      counts: { runtimes: 1, gateways: 1, targets: 1, credentials: 1 },
      modelWarnings: [],
      findings: [],
      officialCompat: {
        version: '0.30',
        findings: [
          {
            code: 'MCP_SERVER_API_KEY',
            path: 'agentCoreGateways.0.targets.0.outboundAuth.type',
            params: { target: 'w' },
            message: expect.stringContaining('only OAUTH or NONE outbound auth on mcpServer targets') as string,
          },
        ],
      },
    });
    // An API key on an mcpServer target is an extension beyond the official CLI 0.30: noted once.
    expect(r.json?.warnings).toEqual([expect.stringContaining('agentcore validate --compat official')]);
  });

  it('works without --json', async () => {
    const r = await sb.run(['validate'], { cwd: root });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(configFile());
  });

  it('warns by key name when a secret is missing from .env.local, and when agent code is missing', async () => {
    await writeFile(join(root, 'agentcore', '.env.local'), '', { mode: 0o600 });
    await rm(join(root, 'app', 'Echo'), { recursive: true });
    const r = await run();
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result?.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ['SECRET_MISSING', 'credentials.0', { credential: 'MyKey', key: 'AGENTCORE_CREDENTIAL_MYKEY' }],
      ['CODE_LOCATION_MISSING', 'runtimes.0.codeLocation', { name: 'Echo', codeLocation: 'app/Echo/' }],
    ]);
    expect(r.json?.warnings).toHaveLength(3);
  });

  it('lists every issue with its dotted path; files untouched', async () => {
    const config = JSON.parse(valid);
    config.runtimes[0].name = 'bad-name';
    config.agentCoreGateways[0].name = '-bad-';
    await writeFile(configFile(), JSON.stringify(config, null, 2));
    const before = await snapshotProject(root);
    const r = await run();
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_CONFIG_INVALID');
    const issues = (r.json?.details?.issues ?? []) as { path: string }[];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['runtimes.0.name', 'agentCoreGateways.0.name']));
    expect(r.json?.actions?.[0]).toBe(
      `Fix the listed fields in ${join(root, 'agentcore', 'agentcore.json')}, then run \`agentcore validate\`.`,
    );
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('names the plugin to install for an auth type no installed plugin provides', async () => {
    const config = JSON.parse(valid);
    config.agentCoreGateways[0].targets.push({
      name: 'crm',
      targetType: 'mcpServer',
      endpoint: 'https://crm.example.com/mcp',
      outboundAuth: { type: 'OAUTH', credentialName: 'Crm' },
    });
    await writeFile(configFile(), JSON.stringify(config, null, 2));
    const cli = await cliWithout('@agentcore/auth-oauth', join(sb.dir, 'cli-without-oauth'));
    const r = await runCli(cli, ['validate', '--json'], root, sb.env);
    expect(r.exitCode).toBe(1);
    expect(r.json.code).toBe('ERR_CONFIG_INVALID');
    expect(r.json.details.issues).toEqual([
      expect.objectContaining({
        path: 'agentCoreGateways.0.targets.1.outboundAuth.type',
        action: 'Run `agentcore plugins install @agentcore/auth-oauth`',
      }),
    ]);
    expect(r.json.actions[0]).toBe('Run `agentcore plugins install @agentcore/auth-oauth`');
  });

  it('reports invalid JSON and a missing project with coded errors', async () => {
    await writeFile(configFile(), '{ "name": ');
    const bad = await run();
    expect(bad.exitCode).toBe(1);
    expect(bad.json?.code).toBe('ERR_CONFIG_INVALID_JSON');
    expect(bad.json?.actions?.[0]).toBe('Fix the JSON syntax (an editor with the agentcore $schema shows where).');
    const outside = await sb.run(['validate', '--json'], { cwd: sb.dir });
    expect(outside.json?.code).toBe('ERR_PROJECT_NOT_FOUND');
  });
});
