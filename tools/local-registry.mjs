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
 * Only the `@agentcore` scope is routed to verdaccio. Every other package comes from `startCacheMirror()`: a
 * loopback registry that offers exactly the versions in the repo's package-lock.json. Its packuments are built from
 * the lockfile's entries (dependencies, bins, engines, platforms, integrity); its tarballs are the ones `npm install`
 * put in the local npm cache, read offline by integrity through pacote (npm's own fetcher, as `npm pack <spec>`
 * uses it). A plain `prefer_offline` install is not hermetic: npm picks the newest version a cached packument lists,
 * whose tarball the cache may not have.
 */
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VERDACCIO_BIN = join(REPO_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const SCOPE = '@agentcore';
/** Where the lockfile's tarballs came from (npm leaves `resolved` out of lockfiles for its default registry). */
const NPM_REGISTRY = 'https://registry.npmjs.org/';

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

/** The fields of a lockfile entry that a registry's version manifest carries too. */
const MANIFEST_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'bin',
  'engines',
  'os',
  'cpu',
  'libc',
  'license',
  'hasInstallScript',
  'deprecated',
];

/** Third-party entries the repo's lockfile pins: name → Map(version → lockfile entry). */
export function lockedEntries(lockfile = join(REPO_ROOT, 'package-lock.json')) {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  const out = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || entry.link || entry.inBundle || !entry.version || !entry.integrity) continue;
    const name = entry.name ?? path.slice(at + 'node_modules/'.length);
    if (name.startsWith(`${SCOPE}/`)) continue;
    if (!out.has(name)) out.set(name, new Map());
    out.get(name).set(entry.version, entry);
  }
  return out;
}

/** Third-party versions the repo's lockfile pins: name → Map(version → integrity). */
export function lockedVersions(lockfile) {
  const out = new Map();
  for (const [name, versions] of lockedEntries(lockfile))
    out.set(name, new Map([...versions].map(([v, entry]) => [v, entry.integrity])));
  return out;
}

/** `a` vs `b` as semver orders plain `major.minor.patch[-pre]` versions (the pre-release compared as text). */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** A registry packument for `name` offering exactly the locked versions, tarballs under `base`. */
export function lockfilePackument(name, versions, base) {
  const manifests = {};
  for (const [version, entry] of versions) {
    const manifest = { name, version };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    const file = `${name.split('/').pop()}-${version}.tgz`;
    manifests[version] = { ...manifest, dist: { integrity: entry.integrity, tarball: `${base}${name}/-/${file}` } };
  }
  const latest = Object.keys(manifests).sort(compareVersions).pop();
  return latest ? { name, 'dist-tags': { latest }, versions: manifests } : undefined;
}

/**
 * A read-only registry on 127.0.0.1 serving the lockfile's third-party versions: packuments from the lockfile,
 * tarballs from the local npm cache (offline, by integrity; `cacheDir` is npm's cache folder, default: npm's own).
 * Anything else is a 404, so an install that would need the network fails instead of silently using it.
 */
export async function startCacheMirror({ cacheDir = process.env.npm_config_cache, lockfile } = {}) {
  const require = createRequire(import.meta.url);
  const pacote = require('pacote');
  const locked = lockedEntries(lockfile);
  const fetchOptions = {
    offline: true,
    // pacote takes the content folder inside npm's cache folder; left out, it uses npm's default cache.
    ...(cacheDir ? { cache: join(cacheDir, '_cacache') } : {}),
  };
  const requests = { packuments: 0, tarballs: 0, misses: [] };
  let base = '';

  /**
   * Stream the cached tarball (checked against the lockfile's integrity) as the response; false, with nothing sent,
   * when the cache lacks it. Offline, pacote reads a tarball whose integrity and origin are known from the cache
   * by its integrity alone.
   */
  const sendCachedTarball = (name, version, entry, res) =>
    pacote.tarball
      .stream(
        `${name}@${version}`,
        (stream) =>
          new Promise((resolve, reject) => {
            stream.once('error', reject);
            stream.once('readable', () => {
              if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/octet-stream' });
              stream.pipe(res);
            });
            stream.once('end', () => resolve(true));
          }),
        {
          ...fetchOptions,
          integrity: entry.integrity,
          resolved: entry.resolved ?? `${NPM_REGISTRY}${name}/-/${name.split('/').pop()}-${version}.tgz`,
        },
      )
      .catch(() => {
        if (res.headersSent) res.destroy();
        return res.headersSent;
      });

  const server = createHttpServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
      const tarball = /^(.+)\/-\/(?:.+?)-(\d[^/]*)\.tgz$/.exec(path);
      if (tarball) {
        const entry = locked.get(tarball[1])?.get(tarball[2]);
        if (entry && (await sendCachedTarball(tarball[1], tarball[2], entry, res))) {
          requests.tarballs++;
          return;
        }
      } else {
        const versions = locked.get(path);
        const doc = versions && lockfilePackument(path, versions, base);
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
  server.keepAliveTimeout = 60_000;
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
