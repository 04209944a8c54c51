/**
 * Deploy's local work vs `agentcore synth` alone, two ways:
 * - whole command (the target): a no-op `agentcore deploy --yes --json` vs `agentcore synth --json`, wall clock,
 *   against the stand-in with zero latency — so everything but waiting on AWS: process start, synth, reading the
 *   credential values, zipping and hashing three agents, the no-op comparison, loading the AWS SDK clients, and
 *   the one DescribeStacks round trip on 127.0.0.1;
 * - in-process, for information: the same computation without process start, SDK loading or any call, vs
 *   `runSynth`, both in one warm process (fractions of a millisecond vs a few: deflate, decryption, HMAC);
  for a project with 3 agents, 1 gateway and 3 API-key targets, against the local AWS stand-in with
 * zero latency (`progressDelayMs: 0`) and s3rver. Also counts the AWS API calls of a first deploy and of a no-op
 * deploy. Interleaved rounds (AGENTCORE_BENCH_REPS, default 9; in-process 50) after one warm-up; medians.
 * Targets: no-op local work ≤ 1.5× synth; a no-op deploy makes 0 mutating calls and at most 2 read calls.
 *
 * Usage: tools/env.sh node bench/deploy.bench.mjs   (after a build)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sandboxEnv } from './lib/sandbox.mjs';
import { median, quantile } from './lib/timing.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'apps/cli/bin/run.js');
const STAND_IN = join(REPO, 'packages/testkit/dist/aws/index.js');
const TARGET = 1.5;
const dist = (p) => pathToFileURL(join(REPO, p)).href;

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

/** Run the CLI asynchronously (the stand-in answers from this process); wall time in ms. */
function cli(args, { cwd, env, input }) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`agentcore ${args.join(' ')} exited ${code}: ${(err || out).slice(0, 500)}`));
      else resolve({ ms, stdout: out });
    });
  });
}

export async function run() {
  if (!existsSync(BIN) || !existsSync(STAND_IN)) throw new Error('build first: tools/env.sh nx run-many -t build');
  const { startAwsStandIn } = await import(pathToFileURL(STAND_IN).href);
  const aws = await startAwsStandIn({ progressDelayMs: 0, s3: true });
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
    await cli(['create', '--name', 'Bench', '--json'], { cwd: dir, env });
    const root = join(dir, 'Bench');
    const at = { cwd: root, env };
    for (const name of ['A1', 'A2', 'A3'])
      await cli(['add', 'agent', '--name', name, '--template', 'node', '--json'], at);
    await cli(['add', 'credential', '--name', 'Key', '--type', 'api-key', '--api-key', '-', '--json'], {
      ...at,
      input: 'sk-bench-0123456789',
    });
    await cli(['add', 'gateway', '--name', 'gw', '--json'], at);
    for (const t of ['t1', 't2', 't3'])
      await cli(
        [
          'add',
          'gateway-target',
          '--gateway',
          'gw',
          '--name',
          t,
          '--type',
          'mcp-server',
          '--endpoint',
          `https://${t}.example.com/mcp`,
          '--outbound-auth',
          'api-key',
          '--credential-name',
          'Key',
          '--json',
        ],
        at,
      );

    const calls = (from) => {
      const list = aws.requests().slice(from);
      return { total: list.length, mutating: list.filter((r) => r.mutating).length };
    };
    let mark = aws.requests().length;
    await cli(['deploy', '--yes', '--json'], at);
    const first = calls(mark);
    mark = aws.requests().length;
    await cli(['deploy', '--yes', '--json'], at); // warm-up, and the no-op call count
    const noop = calls(mark);

    const rounds = Number(process.env.AGENTCORE_BENCH_REPS || 9);
    const samples = { synth: [], deploy: [] };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? ['deploy', 'synth'] : ['synth', 'deploy'];
      for (const c of order)
        samples[c].push((await cli(c === 'synth' ? ['synth', '--json'] : ['deploy', '--yes', '--json'], at)).ms);
    }
    const synthMs = median(samples.synth);
    const deployMs = median(samples.deploy);
    const inproc = await inProcess(root, Number(process.env.AGENTCORE_BENCH_INPROC_REPS || 50), env);
    return [
      {
        name: 'deploy: no-op `agentcore deploy` vs `agentcore synth`, wall clock (3 agents, 1 gateway, 3 targets)',
        ratio: deployMs / synthMs,
        target: TARGET,
        details: {
          deployMs,
          synthMs,
          deployP25Ms: quantile(samples.deploy, 0.25),
          deployP75Ms: quantile(samples.deploy, 0.75),
          rounds,
        },
      },
      {
        name: 'deploy: local work of a no-op deploy vs synth, in-process (information)',
        ratio: inproc.localMs / inproc.synthMs,
        details: { localMs: inproc.localMs, synthMs: inproc.synthMs },
      },
      {
        name: 'deploy: AWS calls of a no-op deploy (reads / 2; mutating must be 0; S3 not counted)',
        ratio: noop.mutating > 0 ? Number.POSITIVE_INFINITY : noop.total / 2,
        target: 1,
        details: {
          noopCalls: noop.total,
          noopMutating: noop.mutating,
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await run(), null, 2));
