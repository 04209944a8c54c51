#!/usr/bin/env node
/**
 * A throwaway npm registry on 127.0.0.1 for end-to-end tests of "install by name": verdaccio with no uplinks,
 * plus publishing this repo's public workspace packages to it.
 *
 *   node tools/local-registry.mjs start [--dir D]          start verdaccio, print {url, pid, dir} as JSON, keep running
 *   node tools/local-registry.mjs publish --registry URL   publish every public workspace package (built first)
 *   node tools/local-registry.mjs stop --dir D             stop the verdaccio started with that --dir
 *
 * Library use (tests): `startRegistry()`, `startCacheMirror()`, `publishPackage()`, `workspacePackages()`, `routedEnv()`.
 *
 * Only the `@agentcore` scope is routed to verdaccio. Every other package comes from `startCacheMirror()`
 * (tools/cache-mirror.mjs): a loopback registry that offers exactly the versions in the repo's package-lock.json.
 * Its packuments are built from the lockfile's entries (dependencies, bins, engines, platforms, integrity); its
 * tarballs are the ones `npm install` put in the local npm cache, read offline by integrity through pacote (npm's
 * own fetcher, as `npm pack <spec>` uses it). A plain `prefer_offline` install is not hermetic: npm picks the newest
 * version a cached packument lists, whose tarball the cache may not have.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export {
  compareVersions,
  lockedEntries,
  lockedVersions,
  lockfilePackument,
  startCacheMirror,
} from './cache-mirror.mjs';
const VERDACCIO_BIN = join(REPO_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const SCOPE = '@agentcore';

/** A free TCP port on 127.0.0.1 chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function configYaml(dir, port) {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    `auth: { htpasswd: { file: ${JSON.stringify(join(dir, 'htpasswd'))}, max_users: -1 } }`,
    'uplinks: {}',
    'packages:',
    "  '**': { access: $all, publish: $all, unpublish: $all }",
    `listen: 127.0.0.1:${port}`,
    'web: { enable: false }',
    // npm reuses idle keep-alive sockets; one closed by the server (5 s by default) fails the install.
    'server: { keepAliveTimeout: 60 }',
    'max_body_size: 200mb',
    'log: { type: stdout, format: pretty, level: warn }',
    'publish: { allow_offline: true }',
    '',
  ].join('\n');
}

async function waitForPing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not answer ${url}-/ping within ${timeoutMs} ms`);
}

/**
 * Start verdaccio on 127.0.0.1 (free port, no uplinks, anonymous publish). The child is node itself (no shell),
 * so `stop()` kills the server process by its own pid.
 */
export async function startRegistry(options = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'agentcore-registry-'));
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const config = join(dir, 'config.yaml');
  writeFileSync(config, configYaml(dir, port));
  const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', config], {
    cwd: dir,
    stdio: options.detached ? 'ignore' : ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitForPing(url, child, options.timeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n${log}`);
  }
  writeFileSync(join(dir, 'verdaccio.pid'), String(child.pid));
  return { url, port, dir, pid: child.pid, child, log: () => log, stop };
}

/** Public workspace packages (name, version, dir, internal deps), dependencies first. */
export function workspacePackages(root = REPO_ROOT) {
  const dirs = ['packages', 'apps'].flatMap((base) =>
    existsSync(join(root, base))
      ? readdirSync(join(root, base))
          .map((d) => join(root, base, d))
          .filter((d) => existsSync(join(d, 'package.json')))
      : [],
  );
  const all = dirs
    .map((dir) => ({ dir, pjson: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter((p) => !p.pjson.private);
  const byName = new Map(all.map((p) => [p.pjson.name, p]));
  const ordered = [];
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p.pjson.name)) return;
    seen.add(p.pjson.name);
    const deps = { ...p.pjson.dependencies, ...p.pjson.peerDependencies };
    for (const dep of Object.keys(deps)) if (byName.has(dep)) visit(byName.get(dep));
    ordered.push({ name: p.pjson.name, version: p.pjson.version, dir: p.dir, pjson: p.pjson });
  };
  [...all].sort((a, b) => a.pjson.name.localeCompare(b.pjson.name)).forEach(visit);
  return ordered;
}

/** The auth line npm needs to publish to an anonymous verdaccio (ENEEDAUTH otherwise). */
export function authFlag(registryUrl) {
  const u = new URL(registryUrl);
  return `--//${u.host}${u.pathname}:_authToken=dummy`;
}

/**
 * Environment for npm (and for `agentcore plugins install`, which runs npm): the `@agentcore` scope goes to
 * verdaccio, everything else to the cache mirror; a fresh npm cache folder so nothing stale is reused.
 */
export function routedEnv({ registryUrl, mirrorUrl, cacheDir }, base = process.env) {
  return {
    ...base,
    [`npm_config_${SCOPE}:registry`]: registryUrl,
    npm_config_registry: mirrorUrl,
    npm_config_cache: cacheDir,
    npm_config_prefer_online: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_fetch_retries: '0',
    npm_config_loglevel: 'error',
  };
}

/** `npm <args>` (async, so an in-process mirror keeps serving), bounded in time; rejects with npm's output. */
export function npm(args, { cwd = REPO_ROOT, env = process.env, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`npm ${args.join(' ')} failed (${code ?? signal}):\n${out}\n${err}`));
    });
  });
}

/** Publish one package folder (its `files`, as npm packs them) to the registry. */
export async function publishPackage(dir, registryUrl, { tag = 'latest', env = process.env } = {}) {
  const pjson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pjson.oclif?.hooks && !existsSync(join(dir, 'oclif.manifest.json'))) {
    throw new Error(
      `${pjson.name}: oclif.manifest.json is missing; build it first (its build runs \`oclif manifest\`)`,
    );
  }
  return npm(['publish', dir, '--registry', registryUrl, authFlag(registryUrl), '--tag', tag, '--ignore-scripts'], {
    env,
  });
}

/** Publish every public workspace package, dependencies first. */
export async function publishWorkspace(registryUrl, { root = REPO_ROOT, env = process.env } = {}) {
  const published = [];
  for (const p of workspacePackages(root)) {
    await publishPackage(p.dir, registryUrl, { env });
    published.push(`${p.name}@${p.version}`);
  }
  return published;
}

async function main(argv) {
  const [cmd, ...rest] = argv;
  const opt = (name) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'start') {
    const reg = await startRegistry({ dir: opt('dir'), detached: true });
    reg.child.unref();
    process.stdout.write(JSON.stringify({ url: reg.url, pid: reg.pid, dir: reg.dir }) + '\n');
  } else if (cmd === 'stop') {
    const dir = opt('dir');
    if (!dir) throw new Error('stop needs --dir');
    const pid = Number(readFileSync(join(dir, 'verdaccio.pid'), 'utf8'));
    process.kill(pid, 'SIGTERM');
    process.stdout.write(`stopped ${pid}\n`);
  } else if (cmd === 'publish') {
    const registry = opt('registry');
    if (!registry) throw new Error('publish needs --registry');
    for (const id of await publishWorkspace(registry)) process.stdout.write(`+ ${id}\n`);
  } else {
    process.stderr.write(
      'usage: node tools/local-registry.mjs start [--dir D] | publish --registry URL | stop --dir D\n',
    );
    process.exitCode = 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  });
}
