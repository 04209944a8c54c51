/**
 * Latency to the first event: `invoke()` of @agentcore/invoke vs a direct undici `request` to the same local agent
 * (the starter echo agent, apps/cli/templates/node-echo, as a child process on 127.0.0.1). Both ask for SSE and stop
 * the clock at the first `data:` event — the direct client at the first body chunk, `invoke()` at its first parsed
 * event — so the ratio is what URL building, headers, SSE parsing and event delivery add. Interleaved repetitions
 * (AGENTCORE_BENCH_REPS, default 200) after a warm-up on a kept-alive connection; medians. Target: ≤ 1.5×.
 *
 * Usage: tools/env.sh node bench/invoke-latency.bench.mjs   (after building @agentcore/invoke)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, quantile } from './lib/timing.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const INVOKE_DIST = join(REPO, 'packages/invoke/dist/index.js');
const ECHO_AGENT = join(REPO, 'apps/cli/templates/node-echo/main.js');
const TARGET = 1.5;

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startEchoAgent() {
  const port = await freePort();
  const child = spawn(process.execPath, [ECHO_AGENT], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ECHO_DELAY_MS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('echo agent did not start')), 10_000);
    child.stdout.on('data', (d) => d.toString().includes('listening') && (clearTimeout(timer), resolve()));
    child.on('exit', (code) => reject(new Error(`echo agent exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))),
  };
}

export async function run() {
  if (!existsSync(INVOKE_DIST))
    throw new Error('build @agentcore/invoke first: tools/env.sh nx run @agentcore/invoke:build');
  const { invoke } = await import(pathToFileURL(INVOKE_DIST).href);
  // The same undici (and so the same global connection pool) that @agentcore/invoke uses.
  const { request } = createRequire(join(REPO, 'packages/invoke/package.json'))('undici');
  const rounds = Number(process.env.AGENTCORE_BENCH_REPS || 200);
  const agent = await startEchoAgent();
  const body = JSON.stringify({ prompt: 'one two three four five' });
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

  const direct = async () => {
    const start = process.hrtime.bigint();
    const res = await request(`${agent.url}/invocations`, { method: 'POST', headers, body });
    let ms = Number.NaN;
    for await (const chunk of res.body) {
      if (Number.isNaN(ms) && chunk.toString().includes('data:')) ms = Number(process.hrtime.bigint() - start) / 1e6;
    }
    return ms;
  };
  const viaInvoke = async () => {
    const start = process.hrtime.bigint();
    let ms = Number.NaN;
    for await (const event of invoke({
      target: { kind: 'url', url: agent.url },
      payload: { prompt: 'one two three four five' },
      auth: { kind: 'none' },
    })) {
      if (Number.isNaN(ms) && event.type === 'text') ms = Number(process.hrtime.bigint() - start) / 1e6;
    }
    return ms;
  };

  try {
    for (let i = 0; i < 20; i++) (await direct(), await viaInvoke());
    const samples = { direct: [], invoke: [] };
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) (samples.direct.push(await direct()), samples.invoke.push(await viaInvoke()));
      else (samples.invoke.push(await viaInvoke()), samples.direct.push(await direct()));
    }
    const d = median(samples.direct);
    const v = median(samples.invoke);
    return {
      name: 'invoke first-event latency vs direct undici',
      ratio: v / d,
      target: TARGET,
      details: {
        directMs: d,
        invokeMs: v,
        addedMs: v - d,
        directP90Ms: quantile(samples.direct, 0.9),
        invokeP90Ms: quantile(samples.invoke, 0.9),
        rounds,
      },
    };
  } finally {
    await agent.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  console.log(`${result.name}: ${result.ratio.toFixed(2)}× (target ≤ ${result.target}×)`, result.details);
}
