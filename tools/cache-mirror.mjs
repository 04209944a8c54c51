/**
 * The third-party half of the throwaway registry in tools/local-registry.mjs: a read-only registry on 127.0.0.1
 * that offers exactly the versions in the repo's package-lock.json. Packuments are built from the lockfile's
 * entries; tarballs are the ones `npm install` put in the local npm cache, read offline by integrity through pacote
 * (npm's own fetcher, as `npm pack <spec>` uses it).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCOPE = '@agentcore';
/** Where the lockfile's tarballs came from (npm leaves `resolved` out of lockfiles for its default registry). */
const NPM_REGISTRY = 'https://registry.npmjs.org/';

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
