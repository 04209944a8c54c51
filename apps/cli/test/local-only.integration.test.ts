/**
 * A strategy that declares itself local-only (`localOnly: {reason}`) attaches and validates like any other, but
 * `synth` refuses it with ERR_STRATEGY_LOCAL_ONLY naming the strategy, its plugin, the resource and the reason —
 * not an install hint — and writes nothing. Driven through the built CLI with a linked fixture plugin.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./registry/fixtures/local-only', import.meta.url));
const env = { OCLIF_DISABLE_LINKED_ESM_WARNING: '1' };
const REASON = 'AgentCore Identity has no credential provider for HTTP Basic.';

describe('local-only strategies (built binary)', { timeout: 120_000 }, () => {
  let sb: Sandbox;
  let root: string;
  const ok = async (args: string[]) => {
    const r = await sb.run(args, { cwd: root, env });
    expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
    return r;
  };

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['plugins', 'link', FIXTURE, '--no-install'], { env })).exitCode).toBe(0);
    expect((await sb.run(['create', '--name', 'Demo', '--json'], { env })).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await ok(['add', 'gateway', '--name', 'tools', '--json']);
    await ok([
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'files',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://mcp.example.com/mcp',
      '--outbound-auth',
      'basic-local',
      '--basic-local-user',
      'ann',
      '--json',
    ]);
  });
  afterAll(async () => {
    await sb.cleanup();
  });

  it('validate accepts the project (local use is fine)', async () => {
    await ok(['validate', '--json']);
  });

  it('synth --json refuses it by name, resource and reason, and writes nothing', async () => {
    const before = await snapshotProject(root);
    const r = await sb.run<never>(['synth', '--out', 'template.json', '--json'], { cwd: root, env });
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_STRATEGY_LOCAL_ONLY');
    expect(r.json?.message).toBe(
      `Target files of gateway tools uses BASIC_LOCAL (agentcore-auth-basic-local), which works only locally, with \`agentcore dev\`, and cannot be deployed to AgentCore: ${REASON}`,
    );
    expect(r.json?.actions?.[0]).toContain('`agentcore add gateway-target --help` lists them');
    expect(r.json?.details).toMatchObject({ type: 'BASIC_LOCAL', packageName: 'agentcore-auth-basic-local' });
    expect(JSON.stringify(r.json)).not.toContain('plugins install');
    expect(await snapshotProject(root)).toEqual(before);
    expect(existsSync(join(root, 'template.json'))).toBe(false);
  });

  it('synth in text mode prints the same code and actions', async () => {
    const r = await sb.run(['synth'], { cwd: root, env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Error (ERR_STRATEGY_LOCAL_ONLY): Target files of gateway tools uses BASIC_LOCAL');
    expect(r.stderr).toContain('  → Keep BASIC_LOCAL for local runs');
  });
});
