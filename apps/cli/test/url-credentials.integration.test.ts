/**
 * Credentials inside URLs never reach agentcore.json, output, errors or the dev log: URLs with user info are refused
 * at input (flags and a hand-edited file alike) with a coded error that shows the URL as `http://***@host/…`; other
 * errors that name a URL redact it (user info, secret-looking query parameters).
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, createSandbox, type RunResult, type Sandbox } from './helpers.js';

const PASSWORD = 'pw-hunter2-xyz';
const QUERY_SECRET = 'qs-s3cr3t-abc';
let sb: Sandbox;
let project: string;
let configFile: string;
/** Everything the CLI printed in this file's runs, checked for the secrets at the end. */
const seen: string[] = [];

async function run(args: string[], input?: string): Promise<RunResult> {
  const r = await sb.run(args, { cwd: project, ...(input === undefined ? {} : { input }) });
  seen.push(r.stdout, r.stderr);
  return r;
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(QUERY_SECRET);
}

beforeAll(async () => {
  sb = await createSandbox();
  expect((await sb.run(['create', '--name', 'Urls', '--json'])).exitCode).toBe(0);
  project = join(sb.dir, 'Urls');
  configFile = join(project, 'agentcore', 'agentcore.json');
  expect((await run(['add', 'gateway', '--name', 'tools', '--json'])).exitCode).toBe(0);
  const target = await run([
    'add',
    'gateway-target',
    '--gateway',
    'tools',
    '--name',
    'up',
    '--type',
    'mcp-server',
    '--endpoint',
    'http://127.0.0.1:9/mcp',
    '--json',
  ]);
  expect(target.exitCode, target.stdout + target.stderr).toBe(0);
});

afterAll(async () => {
  for (const text of seen) expectNoSecret(text);
  await sb.cleanup();
});

describe('URLs with user info', { timeout: 60_000 }, () => {
  it('add gateway-target --endpoint refuses them, naming the URL with *** and writing nothing', async () => {
    const before = await readFile(configFile, 'utf8');
    const r = await run([
      'add',
      'gateway-target',
      '--gateway',
      'tools',
      '--name',
      'leaky',
      '--type',
      'mcp-server',
      '--endpoint',
      `http://user:${PASSWORD}@127.0.0.1:9/mcp`,
      '--json',
    ]);
    expect(r.exitCode).not.toBe(0);
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.message).toContain('--endpoint');
    expect(r.json?.message).toContain('http://***@127.0.0.1:9/mcp');
    expect(r.json?.actions?.[0]).toMatch(/--help/);
    expectNoSecret(r.stdout + r.stderr);
    expect(await readFile(configFile, 'utf8')).toBe(before);
  });

  it('add agent --discovery-url refuses them the same way', async () => {
    const r = await run(
      [
        'add',
        'agent',
        '--name',
        'Leaky',
        '--template',
        'node',
        '--authorizer-type',
        'custom-jwt',
        '--discovery-url',
        `https://admin:${PASSWORD}@idp.example.com/.well-known/openid-configuration`,
        '--allowed-clients',
        'c',
        '--json',
      ],
      '',
    );
    expect(r.json?.code).toBe('ERR_INVALID_INPUT');
    expect(r.json?.message).toContain('https://***@idp.example.com/.well-known/openid-configuration');
    expectNoSecret(r.stdout + r.stderr);
  });

  it('a hand-edited agentcore.json with one is refused by validate and by dev, and the dev log never shows it', async () => {
    const good = await readFile(configFile, 'utf8');
    const config = JSON.parse(good) as { agentCoreGateways: { targets: { endpoint?: string }[] }[] };
    const target = config.agentCoreGateways[0]?.targets[0];
    if (!target) throw new Error('no target');
    target.endpoint = `http://user:${PASSWORD}@127.0.0.1:9/mcp`;
    await writeFile(configFile, JSON.stringify(config, null, 2) + '\n');
    try {
      const v = await run(['validate', '--json']);
      expect(v.json?.code).toBe('ERR_CONFIG_INVALID');
      expect(v.json?.message).toContain('http://***@127.0.0.1:9/mcp');

      // dev must refuse to start; were it to start, a tools/list through the gateway would show what it leaks.
      const dev = spawn(process.execPath, [BIN, 'dev', '--json'], {
        cwd: project,
        env: sb.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      dev.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      dev.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      type Envelope = { code?: string; result?: { gateways: { url: string }[] } };
      // Ready: one JSON line with `result`; refused: the error envelope, then exit.
      const envelope = await new Promise<Envelope>((resolve) => {
        createInterface({ input: dev.stdout }).on('line', (line) => {
          if (line.startsWith('{"status":0')) resolve(JSON.parse(line) as Envelope);
        });
        dev.once('close', () => resolve(JSON.parse(stdout) as Envelope));
      });
      let mcp = '';
      if (envelope.result) {
        const res = await fetch(envelope.result.gateways[0]?.url ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        mcp = await res.text();
      }
      if (dev.exitCode === null) dev.kill('SIGKILL');
      seen.push(stdout, stderr, mcp);
      expectNoSecret(stdout + stderr + mcp);
      expect(envelope.code).toBe('ERR_CONFIG_INVALID');
    } finally {
      await writeFile(configFile, good);
    }
  });
});

describe('other errors that name a URL', { timeout: 60_000 }, () => {
  it('invoke --endpoint with user info and a secret query parameter: the error shows neither', async () => {
    const r = await run([
      'invoke',
      'hi',
      '--endpoint',
      `http://user:${PASSWORD}@127.0.0.1:9/invocations?api_key=${QUERY_SECRET}`,
      '--json',
    ]);
    expect(r.exitCode).not.toBe(0);
    expect(r.json?.code).toMatch(/^ERR_INVOKE_/);
    expect(r.json?.message).toContain('127.0.0.1:9');
    expectNoSecret(r.stdout + r.stderr);
  });
});
