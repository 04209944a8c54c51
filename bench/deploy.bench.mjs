/**
 * Deploy's local work vs `agentcore synth` alone, for a project with 3 agents, 1 gateway and 3 API-key targets,
 * against the local AWS stand-in with zero latency (`progressDelayMs: 0`) and s3rver:
 * - whole command (the target): a no-op `agentcore deploy --yes --json` vs `agentcore synth --json`, wall clock,
 *   median of interleaved rounds (lib/timing.mjs `interleave`: each round runs both, in rotated order, so a change
 *   of load slows both sides alike) after one warm-up each. So everything but waiting on AWS: process start, synth,
 *   reading the credential values, zipping and hashing three agents, the no-op comparison with deployed state,
 *   resolving region and credentials and the one DescribeStacks round trip. Details also give `awsWaitMs`, the
 *   deploy's time waiting for the stand-in's answers (measured in the CLI process), and `localWorkRatio`, the
 *   deploy's wall clock less that wait over synth's: the issue's "everything except waiting on AWS"; and
 *   `cpuRatio`, the two processes' CPU time (user + system, median), which a busy machine disturbs far less;
 * - the same under load: AGENTCORE_BENCH_LOAD busy processes (default 2, one per core here; 0 skips it) run
 *   during a second set of interleaved rounds, like `yes > /dev/null` twice, and stop by themselves;
 * - in-process, for information: the no-op computation without process start, SDK loading or any call, vs
 *   `runSynth`, both in one warm process (fractions of a millisecond vs a few: deflate, decryption, HMAC);
 * - the AWS API calls (every service the stand-in plays, S3 included) of a first deploy and of a no-op deploy.
 * The stand-in runs in a child process (this file with `--stand-in`), so the timed CLI runs are plain synchronous
 * child processes and the stand-in answers on its own event loop.
 * Targets: no-op local work ≤ 1.5× synth; a no-op deploy makes 0 mutating calls and at most 2 read calls.
 *
 * Usage: tools/env.sh node bench/run.mjs deploy   (after a build; AGENTCORE_BENCH_REPS rounds, default 15)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sandboxEnv } from './lib/sandbox.mjs';
import { interleave, median, quantile, timeProcess } from './lib/timing.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'apps/cli/bin/run.js');
const STAND_IN = join(REPO, 'packages/testkit/dist/aws/index.js');
const SELF = fileURLToPath(import.meta.url);
const NODE = process.execPath;
const TARGET = 1.5;
/** A busy process stops by itself after this long, whatever happens to the bench. */
const LOAD_MAX_MS = 180_000;
const dist = (p) => pathToFileURL(join(REPO, p)).href;

/**
 * `--stand-in`: start the stand-in, print its endpoints as one JSON line, then answer `calls` lines on stdin with
 * the requests recorded since the previous `calls` (as one JSON line); exit when stdin closes.
 */
async function serveStandIn() {
  const { startAwsStandIn } = await import(pathToFileURL(STAND_IN).href);
  const aws = await startAwsStandIn({ progressDelayMs: 0, s3: true });
  let seen = 0;
  process.stdout.write(`${JSON.stringify({ url: aws.url, s3Url: aws.s3Url, region: aws.region })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => {
    const list = aws.requests().slice(seen);
    seen += list.length;
    const calls = list.map((r) => ({ service: r.service, operation: r.operation, mutating: r.mutating }));
    process.stdout.write(`${JSON.stringify(calls)}\n`);
  });
  lines.on('close', () => void aws.close().then(() => process.exit(0)));
}

/** The stand-in child: its endpoints, and `calls()` → the requests it saw since the last `calls()`. */
async function startStandInProcess() {
  const child = spawn(NODE, [SELF, '--stand-in'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await replies.next();
    if (done) throw new Error('the AWS stand-in process ended');
    return JSON.parse(value);
  };
  const endpoints = await next();
  return {
    ...endpoints,
    calls: async () => {
      child.stdin.write('calls\n');
      return next();
    },
    close: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.stdin.end();
      }),
  };
}

/** `n` processes that keep a core busy each until `stop()` (or LOAD_MAX_MS). */
function startLoad(n) {
  const spin = `const end = Date.now() + ${LOAD_MAX_MS}; while (Date.now() < end) {}`;
  const procs = Array.from({ length: n }, () => spawn(NODE, ['-e', spin], { stdio: 'ignore' }));
  return {
    stop: () =>
      Promise.all(procs.map((p) => (p.exitCode !== null ? undefined : new Promise((r) => p.on('exit', r).kill())))),
  };
}

/** In-process: deploy's local work vs synth alone, medians of interleaved rounds. */
async function inProcess(root, rounds, env) {
  // the project's .env.local is encrypted with the sandbox's key
  process.env.AGENTCORE_CONFIG_DIR = env.AGENTCORE_CONFIG_DIR;
  process.env.AGENTCORE_DISABLE_KEYCHAIN = '1';
  const { StrategyRegistry } = await import(dist('packages/auth/dist/index.js'));
  const { ProjectStore, readDeployedState } = await import(dist('packages/schema/dist/index.js'));
  const { apiKeyStrategy } = await import(dist('packages/auth-apikey/dist/index.js'));
  const { customJwtStrategy } = await import(dist('packages/auth-custom-jwt/dist/index.js'));
  const { oauthStrategy } = await import(dist('packages/auth-oauth/dist/index.js'));
  const { runSynth } = await import(dist('apps/cli/dist/operations/synth.js'));
  const { deployInputs } = await import(dist('apps/cli/dist/operations/deploy-inputs.js'));
  const { buildPlan, readMeta, unchangedLocally } = await import(dist('packages/deploy/dist/index.js'));
  const registry = new StrategyRegistry().register(customJwtStrategy).register(apiKeyStrategy).register(oauthStrategy);
  const store = await ProjectStore.open({ cwd: root, model: registry.model() });
  const fingerprintKey = new Uint8Array(32).fill(1);
  const synth = () => runSynth(store, registry, {}, root);
  const local = async () => {
    const { config } = await store.load();
    const inputs = await deployInputs(store, registry, config);
    const options = { project: config.name, target: 'default', root, ...inputs, fingerprintKey };
    const plan = buildPlan(options);
    const prev = readMeta(await readDeployedState(store.paths.deployedStateFile), 'default');
    return unchangedLocally(plan, options, prev, { account: prev.account, region: prev.region });
  };
  await synth();
  await local();
  const samples = { synth: [], local: [] };
  for (let i = 0; i < rounds; i++)
    for (const c of i % 2 ? ['local', 'synth'] : ['synth', 'local']) {
      const t0 = performance.now();
      await (c === 'synth' ? synth() : local());
      samples[c].push(performance.now() - t0);
    }
  return { synthMs: median(samples.synth), localMs: median(samples.local) };
}

/** Run the CLI asynchronously (setup and counted runs); rejects when it fails. */
function cli(args, { cwd, env, input }) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`agentcore ${args.join(' ')} exited ${code}: ${out.slice(0, 500)}`)),
    );
  });
}

async function createProject(dir, env) {
  await cli(['create', '--name', 'Bench', '--json'], { cwd: dir, env });
  const at = { cwd: join(dir, 'Bench'), env };
  for (const name of ['A1', 'A2', 'A3'])
    await cli(['add', 'agent', '--name', name, '--template', 'node', '--json'], at);
  await cli(['add', 'credential', '--name', 'Key', '--type', 'api-key', '--api-key', '-', '--json'], {
    ...at,
    input: 'sk-bench-0123456789',
  });
  await cli(['add', 'gateway', '--name', 'gw', '--json'], at);
  for (const t of ['t1', 't2', 't3']) {
    const endpoint = `https://${t}.example.com/mcp`;
    await cli(
      ['add', 'gateway-target', '--gateway', 'gw', '--name', t, '--type', 'mcp-server', '--endpoint', endpoint].concat([
        '--outbound-auth',
        'api-key',
        '--credential-name',
        'Key',
        '--json',
      ]),
      at,
    );
  }
  return at.cwd;
}

/**
 * Preloaded (`--import`) into both timed commands alike: adds up the time the process waits for HTTP answers
 * (diagnostics_channel, request start → response) and writes it, with the process's CPU time (user + system, all
 * threads), to $AGENTCORE_BENCH_AWS_WAIT_OUT on exit.
 */
const AWS_WAIT_PRELOAD = `import dc from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
const started = new WeakMap();
let waited = 0;
dc.subscribe('http.client.request.start', ({ request }) => started.set(request, performance.now()));
dc.subscribe('http.client.response.finish', ({ request }) => {
  const t = started.get(request);
  if (t !== undefined) waited += performance.now() - t;
});
process.on('exit', () => {
  const cpu = process.cpuUsage();
  writeFileSync(process.env.AGENTCORE_BENCH_AWS_WAIT_OUT, JSON.stringify({ waited, cpuMs: (cpu.user + cpu.system) / 1000 }));
});
`;

/**
 * Interleaved wall-clock rounds of a no-op deploy and synth; every deploy must report `unchanged`. Also the
 * deploy's time waiting on the stand-in (its answer, and the stand-in process getting a core to answer), so the
 * local work alone — what the target is about — is reported next to the wall clock.
 */
function wallClock(root, env, rounds, dir) {
  const preload = join(dir, 'aws-wait.mjs');
  const waitFile = join(dir, 'aws-wait.txt');
  writeFileSync(preload, AWS_WAIT_PRELOAD);
  const options = {
    cwd: root,
    env: { ...env, NODE_OPTIONS: `--import ${pathToFileURL(preload).href}`, AGENTCORE_BENCH_AWS_WAIT_OUT: waitFile },
  };
  const waits = [];
  const local = [];
  const cpu = { synth: [], deploy: [] };
  const synth = () => {
    const r = timeProcess(NODE, [BIN, 'synth', '--json'], options);
    cpu.synth.push(JSON.parse(readFileSync(waitFile, 'utf8')).cpuMs);
    return r;
  };
  const deploy = () => {
    const r = timeProcess(NODE, [BIN, 'deploy', '--yes', '--json'], options);
    if (!r.stdout.includes('"status": "unchanged"'))
      throw new Error(`a no-op deploy did not report "unchanged": ${r.stdout.slice(-300)}`);
    const { waited, cpuMs } = JSON.parse(readFileSync(waitFile, 'utf8'));
    waits.push(waited);
    local.push(r.ms - waited);
    cpu.deploy.push(cpuMs);
    return r;
  };
  const samples = interleave(
    [
      { name: 'synth', run: synth },
      { name: 'deploy', run: deploy },
    ],
    rounds,
  );
  const synthMs = median(samples.synth);
  const deployMs = median(samples.deploy);
  return {
    deployMs,
    awsWaitMs: median(waits),
    localWorkRatio: median(local) / synthMs,
    cpuRatio: median(cpu.deploy) / median(cpu.synth),
    deployCpuMs: median(cpu.deploy),
    synthCpuMs: median(cpu.synth),
    synthMs,
    deployP25Ms: quantile(samples.deploy, 0.25),
    deployP75Ms: quantile(samples.deploy, 0.75),
    synthP25Ms: quantile(samples.synth, 0.25),
    synthP75Ms: quantile(samples.synth, 0.75),
    rounds,
  };
}

const summary = (calls) => ({
  total: calls.length,
  mutating: calls.filter((c) => c.mutating).length,
  operations: calls.map((c) => c.operation),
});

export async function run() {
  if (!existsSync(BIN) || !existsSync(STAND_IN)) throw new Error('build first: tools/env.sh nx run-many -t build');
  const aws = await startStandInProcess();
  const dir = mkdtempSync(join(tmpdir(), 'agentcore-bench-deploy-'));
  const env = {
    ...sandboxEnv(dir),
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: aws.region,
    AWS_ENDPOINT_URL: aws.url,
    AWS_ENDPOINT_URL_S3: aws.s3Url,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AGENTCORE_DEPLOY_POLL_MS: '5',
  };
  try {
    const root = await createProject(dir, env);
    await aws.calls();
    await cli(['deploy', '--yes', '--json'], { cwd: root, env });
    const first = summary(await aws.calls());
    await cli(['deploy', '--yes', '--json'], { cwd: root, env }); // warm-up, and the no-op call count
    const noop = summary(await aws.calls());
    await cli(['synth', '--json'], { cwd: root, env }); // warm-up

    const rounds = Number(process.env.AGENTCORE_BENCH_REPS || 15);
    const idle = wallClock(root, env, rounds, dir);
    const busy = Number(process.env.AGENTCORE_BENCH_LOAD ?? 2);
    let loaded;
    if (busy > 0) {
      const load = startLoad(busy);
      try {
        loaded = wallClock(root, env, rounds, dir);
      } finally {
        await load.stop();
      }
    }
    const inproc = await inProcess(root, Number(process.env.AGENTCORE_BENCH_INPROC_REPS || 50), env);
    const name = 'deploy: no-op `agentcore deploy` vs `agentcore synth`, wall clock (3 agents, 1 gateway, 3 targets)';
    return [
      { name, ratio: idle.deployMs / idle.synthMs, target: TARGET, details: idle },
      ...(loaded
        ? [
            {
              name: `${name}, ${busy} busy processes`,
              ratio: loaded.deployMs / loaded.synthMs,
              target: TARGET,
              details: { ...loaded, busyProcesses: busy },
            },
          ]
        : []),
      {
        name: 'deploy: local work of a no-op deploy vs synth, in-process (information)',
        ratio: inproc.localMs / inproc.synthMs,
        details: { localMs: inproc.localMs, synthMs: inproc.synthMs },
      },
      {
        name: 'deploy: AWS calls of a no-op deploy (reads / 2; mutating must be 0; S3 included)',
        ratio: noop.mutating > 0 ? Number.POSITIVE_INFINITY : noop.total / 2,
        target: 1,
        details: {
          noopCalls: noop.total,
          noopMutating: noop.mutating,
          noopOperations: noop.operations,
          firstDeployCalls: first.total,
          firstDeployMutating: first.mutating,
        },
      },
    ];
  } finally {
    await aws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--stand-in') await serveStandIn();
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(JSON.stringify(await run(), null, 2));
