/**
 * Throughput of the local runtime emulator (`agentcore dev`) with CUSTOM_JWT verification vs the same echo agent
 * with no token verification, measured in one run with autocannon on loopback (fixed connections, fixed duration,
 * interleaved rounds). The "no auth" runtime is AWS_IAM with a dummy SigV4 header: the emulator only checks the
 * header's scheme (signatures are not verified locally), so it is the emulator's cheapest path.
 *   ratio = JWT req/s ÷ no-auth req/s   (target ≥ 0.9, higher is better)
 *   details.jwksFetches = JWKS requests the issuer saw during the whole run (target 1: keys are cached)
 * The emulator verifies each distinct token with the strategy and then, like API Gateway's authorizer cache, accepts
 * the same Authorization value again for up to 30 s (never past the token's exp): details.decisionCacheTtlMs.
 * Env: AGENTCORE_BENCH_DEV_SECONDS (per round, default 2), AGENTCORE_BENCH_DEV_CONNECTIONS (default 10),
 *      AGENTCORE_BENCH_DEV_ROUNDS (default 4).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { StrategyRegistry } from '@agentcore/auth';
import { customJwtStrategy } from '@agentcore/auth-custom-jwt';
import { DEFAULT_DECISION_TTL_MS, startDev } from '@agentcore/dev';
import { startOidcIssuer } from '@agentcore/testkit';

const TEMPLATE = fileURLToPath(new URL('../apps/cli/templates/node-echo/main.js', import.meta.url));
const SECONDS = Number(process.env.AGENTCORE_BENCH_DEV_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.AGENTCORE_BENCH_DEV_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.AGENTCORE_BENCH_DEV_ROUNDS ?? 4);
const TARGET = 0.9;
const SIGV4 =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=0';

function load(url, authorization, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        headers: { authorization, 'content-type': 'application/json' },
        body: '{"prompt":"bench"}',
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** `AGENTCORE_BENCH_DECISION_TTL_MS=0` measures every request fully verified (no decision cache). */
const DECISION_TTL_MS =
  process.env.AGENTCORE_BENCH_DECISION_TTL_MS === undefined
    ? DEFAULT_DECISION_TTL_MS
    : Number(process.env.AGENTCORE_BENCH_DECISION_TTL_MS);

export async function run() {
  const work = mkdtempSync(join(tmpdir(), 'agentcore-bench-dev-'));
  const idp = await startOidcIssuer({
    clients: [{ clientId: 'bench-client', clientSecret: 'bench-secret', scopes: ['invoke'] }],
  });
  let dev;
  try {
    for (const name of ['Jwt', 'Open']) {
      mkdirSync(join(work, 'app', name), { recursive: true });
      cpSync(TEMPLATE, join(work, 'app', name, 'main.js'));
    }
    const runtime = (name, auth) => ({
      name,
      build: 'CodeZip',
      entrypoint: 'main.js',
      codeLocation: `app/${name}`,
      ...auth,
    });
    const jwt = {
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: {
          discoveryUrl: idp.discoveryUrl,
          allowedClients: ['bench-client'],
          allowedScopes: ['invoke'],
          allowedAudience: [idp.audience],
        },
      },
    };
    idp.resetStats();
    dev = await startDev({
      root: work,
      config: {
        name: 'Bench',
        version: 1,
        runtimes: [runtime('Jwt', jwt), runtime('Open', {})],
        credentials: [],
        agentCoreGateways: [],
      },
      registry: new StrategyRegistry().register(customJwtStrategy),
      secrets: { get: async () => undefined },
      sessionFile: false,
      log: () => undefined,
      decisionTtlMs: DECISION_TTL_MS,
    });
    const bearer = `Bearer ${await idp.requestToken('bench-client', 'bench-secret', ['invoke'])}`;
    const check = await fetch(dev.runtimes.Jwt, {
      method: 'POST',
      headers: { authorization: bearer },
      body: '{"prompt":"x"}',
    });
    if (check.status !== 200) throw new Error(`the JWT runtime answered ${check.status}: ${await check.text()}`);
    await load(dev.runtimes.Open, SIGV4, 1);
    await load(dev.runtimes.Jwt, bearer, 1);
    const totals = {
      jwt: { requests: 0, errors: 0, non2xx: 0, p99: [] },
      open: { requests: 0, errors: 0, non2xx: 0, p99: [] },
    };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [key, url, auth] of i % 2
        ? [
            ['jwt', dev.runtimes.Jwt, bearer],
            ['open', dev.runtimes.Open, SIGV4],
          ]
        : [
            ['open', dev.runtimes.Open, SIGV4],
            ['jwt', dev.runtimes.Jwt, bearer],
          ]) {
        const r = await load(url, auth, SECONDS);
        totals[key].requests += r.requests.total;
        totals[key].errors += r.errors;
        totals[key].non2xx += r.non2xx;
        totals[key].p99.push(r.latency.p99);
      }
    }
    const secs = SECONDS * ROUNDS;
    const jwtRps = totals.jwt.requests / secs;
    const openRps = totals.open.requests / secs;
    return {
      name: 'dev runtime throughput: CUSTOM_JWT / no auth',
      ratio: jwtRps / openRps,
      target: TARGET,
      details: {
        higherIsBetter: true,
        jwtRps,
        noAuthRps: openRps,
        jwksFetches: idp.stats.jwks,
        jwksTarget: 1,
        decisionCacheTtlMs: DECISION_TTL_MS,
        non2xx: totals.jwt.non2xx + totals.open.non2xx,
        errors: totals.jwt.errors + totals.open.errors,
        jwtP99Ms: Math.max(...totals.jwt.p99),
        noAuthP99Ms: Math.max(...totals.open.p99),
        connections: CONNECTIONS,
        secondsPerRound: SECONDS,
        rounds: ROUNDS,
      },
    };
  } finally {
    await dev?.close();
    await idp.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
