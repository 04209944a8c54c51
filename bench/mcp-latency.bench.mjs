/**
 * MCP tool-call latency through the local runtime emulator (`agentcore dev`, CUSTOM_JWT verified by the strategy)
 * vs straight to the same MCP agent (the node-mcp starter template), one run, both with `@agentcore/invoke`'s MCP
 * client on an open connection (initialize once, then `tools/call add` repeatedly, interleaved rounds).
 *   ratio = median call latency through dev ÷ median call latency direct   (target ≤ 1.5)
 * Env: AGENTCORE_BENCH_REPS (calls per case, default 200).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StrategyRegistry } from '@agentcore/auth';
import { customJwtStrategy } from '@agentcore/auth-custom-jwt';
import { startDev } from '@agentcore/dev';
import { connectMcp } from '@agentcore/invoke';
import { startOidcIssuer } from '@agentcore/testkit';
import { median, quantile } from './lib/timing.mjs';

const TEMPLATE = fileURLToPath(new URL('../apps/cli/templates/node-mcp/main.js', import.meta.url));
const REPS = Number(process.env.AGENTCORE_BENCH_REPS ?? 200);
const TARGET = 1.5;

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startAgent(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'main.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the MCP agent exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/mcp`, close: () => child.kill('SIGTERM') };
}

async function timeCall(connection) {
  const start = process.hrtime.bigint();
  const r = await connection.callTool('add', { a: 20, b: 22 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.content?.[0]?.text !== '42') throw new Error(`unexpected tool result ${JSON.stringify(r)}`);
  return ms;
}

export async function run() {
  const work = mkdtempSync(join(tmpdir(), 'agentcore-bench-mcp-'));
  const idp = await startOidcIssuer({
    clients: [{ clientId: 'bench-client', clientSecret: 'bench-secret', scopes: ['invoke'] }],
  });
  let dev;
  let agent;
  const connections = [];
  try {
    mkdirSync(join(work, 'app', 'Mcp'), { recursive: true });
    cpSync(TEMPLATE, join(work, 'app', 'Mcp', 'main.js'));
    dev = await startDev({
      root: work,
      config: {
        name: 'Bench',
        version: 1,
        runtimes: [
          {
            name: 'Mcp',
            build: 'CodeZip',
            entrypoint: 'main.js',
            codeLocation: 'app/Mcp',
            protocol: 'MCP',
            authorizerType: 'CUSTOM_JWT',
            authorizerConfiguration: {
              customJwtAuthorizer: {
                discoveryUrl: idp.discoveryUrl,
                allowedClients: ['bench-client'],
                allowedScopes: ['invoke'],
                allowedAudience: [idp.audience],
              },
            },
          },
        ],
        credentials: [],
        agentCoreGateways: [],
      },
      registry: new StrategyRegistry().register(customJwtStrategy),
      secrets: { get: async () => undefined },
      sessionFile: false,
      log: () => undefined,
    });
    agent = await startAgent(join(work, 'app', 'Mcp'));
    const token = await idp.requestToken('bench-client', 'bench-secret', ['invoke']);
    const viaDev = await connectMcp({
      target: { kind: 'url', url: dev.runtimes.Mcp },
      auth: { kind: 'bearer', token },
    });
    connections.push(viaDev);
    const direct = await connectMcp({ target: { kind: 'url', url: agent.url }, auth: { kind: 'none' } });
    connections.push(direct);
    for (let i = 0; i < 20; i++) await Promise.all([timeCall(viaDev), timeCall(direct)]); // warm-up
    const samples = { dev: [], direct: [] };
    for (let i = 0; i < REPS; i++) {
      const order = i % 2 ? ['dev', 'direct'] : ['direct', 'dev'];
      for (const key of order) samples[key].push(await timeCall(key === 'dev' ? viaDev : direct));
    }
    const devMs = median(samples.dev);
    const directMs = median(samples.direct);
    return {
      name: 'MCP tool call: through dev (CUSTOM_JWT) / straight to the agent',
      ratio: devMs / directMs,
      target: TARGET,
      details: {
        devMedianMs: devMs,
        directMedianMs: directMs,
        devP90Ms: quantile(samples.dev, 0.9),
        directP90Ms: quantile(samples.direct, 0.9),
        calls: REPS,
      },
    };
  } finally {
    await Promise.all(connections.map((c) => c.close()));
    agent?.close();
    await dev?.close();
    await idp.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
