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
 * Only the `@agentcore` scope is routed to verdaccio. Every other package comes from the local npm cache, served by
 * `startCacheMirror()`: a loopback registry that offers exactly the versions in the repo's package-lock.json (the
 * cached packuments, filtered; tarballs read from the cache by integrity). A plain `prefer_offline` install is not
 * hermetic: npm picks the newest version a cached packument lists, whose tarball the cache may not have.
 */
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
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

/** Third-party versions the repo's lockfile pins: name → Map(version → integrity). */
export function lockedVersions(lockfile = join(REPO_ROOT, 'package-lock.json')) {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  const out = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || entry.link || entry.inBundle || !entry.version || !entry.integrity) continue;
    const name = entry.name ?? path.slice(at + 'node_modules/'.length);
    if (name.startsWith(`${SCOPE}/`)) continue;
    if (!out.has(name)) out.set(name, new Map());
    out.get(name).set(entry.version, entry.integrity);
  }
  return out;
}

/**
 * A read-only registry on 127.0.0.1 serving the lockfile's third-party versions from the local npm cache
 * (`~/.npm/_cacache`, or `cacheDir`). Packuments are the cached ones with `versions` cut down to the locked set;
 * anything else is a 404, so an install that would need the network fails instead of silently using it.
 */
export async function startCacheMirror({
  cacheDir = join(process.env.npm_config_cache ?? join(homedir(), '.npm'), '_cacache'),
  lockfile,
} = {}) {
  const require = createRequire(join(REPO_ROOT, 'node_modules', 'npm', 'package.json'));
  const cacache = require('cacache');
  const semver = require('semver');
  const locked = lockedVersions(lockfile);
  const requests = { packuments: 0, tarballs: 0, misses: [] };
  let base = '';

  async function packument(name) {
    const versions = locked.get(name);
    if (!versions) return undefined;
    const hit = await cacache
      .get(cacheDir, `make-fetch-happen:request-cache:https://registry.npmjs.org/${name.replace('/', '%2f')}`)
      .catch(() => undefined);
    if (!hit) return undefined;
    const doc = JSON.parse(hit.data.toString('utf8'));
    const kept = {};
    for (const [v, integrity] of versions) {
      const manifest = doc.versions?.[v];
      if (!manifest) continue;
      const file = `${name.split('/').pop()}-${v}.tgz`;
      kept[v] = { ...manifest, dist: { ...manifest.dist, integrity, tarball: `${base}${name}/-/${file}` } };
    }
    const latest = semver.rsort(Object.keys(kept))[0];
    return latest ? { name, 'dist-tags': { latest }, versions: kept, modified: doc.modified } : undefined;
  }

  const server = createHttpServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
      const tarball = /^(.+)\/-\/(?:.+?)-(\d[^/]*)\.tgz$/.exec(path);
      if (tarball) {
        const integrity = locked.get(tarball[1])?.get(tarball[2]);
        if (integrity && (await cacache.get.hasContent(cacheDir, integrity))) {
          requests.tarballs++;
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          cacache.get.stream
            .byDigest(cacheDir, integrity)
            .on('error', () => res.destroy())
            .pipe(res);
          return;
        }
      } else {
        const doc = await packument(path);
        if (doc) {
          requests.packuments++;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
          return;
        }
      }
      requests.misses.push(path);
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `${path} is not in the lockfile or the npm cache` }));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
