#!/usr/bin/env node
/**
 * Build step after `tsc -b && oclif manifest`: prepares the cold-start fast paths of `bin/run.js`
 * (docs/architecture.md, "Cold start").
 *   dist/fast-path/manifest.json      what the fast paths may assume (version, help flags, core plugins), or why disabled
 *   dist/fast-path/root-help.txt      `agentcore --help` as oclif prints it to a pipe, with the user agent as a placeholder
 *   dist/fast-path/<command>.js       one esbuild bundle per hot command: the cold-start runner (src/fast/lite.ts), the
 *                                     command's own flags and handler (src/fast/<command>.ts), oclif's parser and the
 *                                     core strategies' hook functions — and none of oclif's command/config (checked below)
 * These files are made from the built dist/ in the same `build` step as oclif.manifest.json, so they are as current as
 * oclif's own manifest. `--check` builds them in memory and fails when a file on disk differs (a partial build, e.g.
 * `tsc -b` alone): fast-path.integration.test.ts runs it.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'fast-path');
const USER_AGENT_PLACEHOLDER = '\u0000AGENTCORE_USER_AGENT\u0000';
/** Commands bundled for the fast path: oclif id → compiled module exporting `command` (src/fast/<command>.ts). */
const HOT_COMMANDS = { 'add:credential': 'dist/fast/add-credential.js' };
/**
 * oclif modules a bundle must not contain: the runner uses oclif's parser and flag builders, never its dispatch,
 * command class, config or plugin loading (that is the cost the fast path saves).
 */
const OCLIF_RUNTIME = /node_modules\/@oclif\/core\/lib\/(main|execute|command|config\/config|config\/plugin)\.js$/;
const CHECK = process.argv.includes('--check');
/** Hooks the fast path knows are irrelevant to the commands it runs. Any other hook disables it. */
const HARMLESS_HOOKS = new Set(['agentcore:strategies', 'command_not_found', 'update', 'plugins:preinstall']);
const STRATEGIES_HOOK = 'agentcore:strategies';
/**
 * The CLI's own prerun hook (src/hooks/prerun.ts) acts only on `plugins …` commands, which the fast path never
 * serves, and on user-installed plugins, whose presence turns the fast path off (bin/run.js).
 */
const OWN_HARMLESS_HOOKS = new Set(['prerun']);

/** Files that differ from what this build makes (`--check`). */
const stale = [];

/**
 * Other builds and runs may read dist/fast-path while this one writes it: replace files atomically. With `--check`,
 * only compare.
 */
function writeAtomic(file, data) {
  if (CHECK) {
    const want = Buffer.from(data);
    if (!existsSync(file) || !readFileSync(file).equals(want)) stale.push(relative(ROOT, file));
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** A dependency's folder, found the way Node looks up packages (exports maps may hide package.json). */
function readPluginPjson(name) {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json')))
      return { dir: candidate, pjson: JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) };
    if (dirname(dir) === dir) throw new Error(`cannot find the core plugin ${name}`);
  }
}

/** Hooks of the CLI and its core plugins; strategy hook files by plugin. */
function inspectPlugins() {
  const reasons = [];
  const strategyHooks = {};
  const plugins = [
    { name: pjson.name, dir: ROOT, pjson },
    ...(pjson.oclif.plugins ?? []).map((name) => ({ name, ...readPluginPjson(name) })),
  ];
  for (const p of plugins) {
    for (const [event, files] of Object.entries(p.pjson.oclif?.hooks ?? {})) {
      if (!HARMLESS_HOOKS.has(event) && !(p.name === pjson.name && OWN_HARMLESS_HOOKS.has(event)))
        reasons.push(`${p.name} declares a ${event} hook`);
      if (event !== STRATEGIES_HOOK) continue;
      const list = Array.isArray(files) ? files : [files];
      if (list.length !== 1 || typeof list[0] !== 'string')
        reasons.push(`${p.name}: expected one ${STRATEGIES_HOOK} hook file`);
      else strategyHooks[p.name] = join(p.dir, list[0]);
    }
  }
  return { reasons, strategyHooks };
}

/** esbuild plugin: `import.meta.url` of a workspace file keeps pointing at that file (messages/ and templates/ are found relative to it). */
const originalImportMetaUrl = {
  name: 'original-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (args.path.includes('/node_modules/') && !args.path.includes('/@agentcore/')) return undefined;
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      let dir = dirname(args.path);
      while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
      const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
      const rel = relative(dir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.resolve(${JSON.stringify(`${name}/package.json`)})).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

/** undici functions that are safe to load on first call (plain functions, not classes). */
const LAZY_UNDICI_FUNCTIONS = new Set(['fetch', 'request', 'stream', 'pipeline', 'connect', 'upgrade']);

/**
 * esbuild plugin: when a workspace package imports only plain functions from undici (e.g. `fetch` for OIDC
 * discovery), give it a shim that requires undici on first call, resolved from that package exactly as Node would.
 * Commands that never make an HTTP call then do not pay for loading undici (~1.4 MB) at start-up.
 */
const lazyUndici = {
  name: 'lazy-undici',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) => {
      if (args.importer.includes('/node_modules/')) return undefined;
      if (args.kind === 'dynamic-import') {
        // Loaded on demand anyway: keep undici out of the bundle, load it from where the importer would.
        let pkgDir = dirname(args.importer);
        while (!existsSync(join(pkgDir, 'package.json'))) pkgDir = dirname(pkgDir);
        const pkgName = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).name;
        const names = Object.keys(createRequire(join(pkgDir, 'package.json'))('undici')).filter(
          (n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default',
        );
        return { path: `${pkgName}:*`, namespace: 'lazy-undici', pluginData: { pkg: pkgName, names, whole: true } };
      }
      const source = readFileSync(args.importer, 'utf8');
      const names = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)]
        .flatMap((m) => (m[1] ?? '').split(','))
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '));
      const other =
        /import\s+(?!type\b)(?!\{)[^;]*from\s*['"]undici['"]/.test(source) ||
        /import\(\s*['"]undici['"]\s*\)/.test(source);
      if (other || names.length === 0 || !names.every((n) => LAZY_UNDICI_FUNCTIONS.has(n))) return undefined;
      let dir = dirname(args.importer);
      while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
      return { path: `${pkg}:${names.join(',')}`, namespace: 'lazy-undici', pluginData: { pkg, names } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-undici' }, (args) => {
      const { pkg, names, whole } = args.pluginData;
      if (whole) {
        const req = `createRequire(import.meta.resolve(${JSON.stringify(`${pkg}/package.json`)}))('undici')`;
        return {
          contents: `import { createRequire } from 'node:module';\nconst m = ${req};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
          loader: 'js',
          resolveDir: ROOT,
        };
      }
      const lines = [
        "import { createRequire } from 'node:module';",
        'let undici;',
        `const load = () => (undici ??= createRequire(import.meta.resolve(${JSON.stringify(`${pkg}/package.json`)}))('undici'));`,
        ...names.map((n) => `export function ${n}(...args) { return load().${n}(...args); }`),
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: ROOT };
    });
  },
};

/**
 * zod's `z` namespace re-exports every locale (≈50 files); agentcore uses only English, zod's default. Keep `en`
 * alone so the bundle that every `add credential` reads, decodes and parses stays small.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => {
      if (!args.importer.includes(`${'node_modules'}/zod/`)) return undefined;
      return { path: join(dirname(args.importer), '..', 'locales', 'en.js').replace(/\\/g, '/'), namespace: 'zod-en' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * oclif's help renderer (`lib/help/index.js`: templates, formatter, plugin module loader) is reachable from the
 * parser's modules only inside the `help` flag's parse and oclif's top-level error handler, neither of which the
 * runner calls. In the bundle it is replaced by functions that throw: a parse that did reach it fails, and the
 * runner leaves the command line to oclif. Half of oclif's code in the bundle is help; this keeps it out.
 */
const OCLIF_HELP = /node_modules\/@oclif\/core\/lib\/help\/index\.js$/;
const withoutOclifHelp = {
  name: 'without-oclif-help',
  setup(b) {
    b.onLoad({ filter: OCLIF_HELP }, () => ({
      contents: [
        'module.exports = new Proxy({}, {',
        "  get: (_, name) => typeof name !== 'string' || name === 'then' ? undefined : name === '__esModule' || (() => {",
        '    throw new Error(`oclif help (${name}) is not in the cold-start bundle`);',
        '  }),',
        '});',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** The CLI and its core plugins, with versions, as oclif would list them (for telemetry). */
function pluginVersions() {
  return [
    { name: pjson.name, version: pjson.version },
    ...(pjson.oclif.plugins ?? []).map((name) => ({ name, version: readPluginPjson(name).pjson.version })),
  ];
}

async function bundleCommand(id, file, strategyHooks) {
  const { command } = await import(pathToFileURL(join(ROOT, file)).href);
  if (command?.id !== id) throw new Error(`${file} must export the hot command ${id} as \`command\``);
  const hookImports = Object.entries(strategyHooks).map(([name, path], i) => ({ name, path, local: `hook${i}` }));
  const versions = Object.fromEntries(pluginVersions().map((p) => [p.name, p.version]));
  const context = {
    cli: {
      name: pjson.name,
      version: pjson.version,
      pjson: { oclif: { plugins: pjson.oclif.plugins ?? [] }, agentcore: pjson.agentcore ?? {} },
    },
    plugins: pluginVersions(),
  };
  const contents = [
    `import { runLite } from ${JSON.stringify(join(ROOT, 'dist/fast/lite.js'))};`,
    `import { command } from ${JSON.stringify(join(ROOT, file))};`,
    ...hookImports.map((h) => `import ${h.local} from ${JSON.stringify(h.path)};`),
    `const strategyHooks = [${hookImports.map((h) => `{ name: ${JSON.stringify(h.name)}, version: ${JSON.stringify(versions[h.name])}, hook: ${h.local} }`).join(', ')}];`,
    `const context = { ...${JSON.stringify(context)}, strategyHooks };`,
    'export const run = (argv, root) => runLite(command, context, argv, root);',
  ].join('\n');
  const outfile = join(OUT, `${id.replace(/:/g, '-')}.js`);
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: `fast-${id}.js` },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    write: false,
    keepNames: true,
    // Smaller source to read, decode and parse on every start.
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyUndici, originalImportMetaUrl, zodEnglishOnly, withoutOclifHelp],
    // oclif's flags module reaches its TypeScript-plugin loader, which requires TypeScript only when it loads a
    // plugin from source: never on this path. Left external, it stays a require that is never made.
    external: ['typescript'],
    metafile: true,
    absWorkingDir: ROOT,
    banner: {
      js: "import { createRequire as __agentcoreCreateRequire } from 'node:module'; const require = __agentcoreCreateRequire(import.meta.url);",
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${id}`);
  // The point of the runner is not loading oclif's runtime: a command module that pulls it in must be fixed, not shipped.
  const oclifRuntime = Object.keys(result.metafile.inputs).filter((f) => OCLIF_RUNTIME.test(f));
  if (oclifRuntime.length > 0)
    throw new Error(
      `the cold-start bundle of ${id} includes oclif's runtime (${oclifRuntime.join(', ')}): import flags from @oclif/core/flags, never @oclif/core`,
    );
  writeAtomic(outfile, output.contents);
  if (process.env.AGENTCORE_FAST_METAFILE && !CHECK)
    writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile));
  return relative(ROOT, outfile);
}

/** Root help exactly as oclif prints it to a pipe (width 80, no colour), from an environment without user plugins. */
function renderRootHelp(helpFlag) {
  const sandbox = mkdtempSync(join(tmpdir(), 'agentcore-build-fast-'));
  try {
    const env = {
      PATH: process.env.PATH,
      HOME: sandbox,
      XDG_DATA_HOME: join(sandbox, 'data'),
      XDG_CACHE_HOME: join(sandbox, 'cache'),
      XDG_CONFIG_HOME: join(sandbox, 'config'),
      AGENTCORE_FAST_PATH: '0',
    };
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), helpFlag], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0 || r.stderr.trim() !== '')
      throw new Error(`agentcore ${helpFlag} failed (${r.status}): ${r.stderr}`);
    const userAgent = `${pjson.name}/${pjson.version} ${process.platform}-${process.arch === 'ia32' ? 'x86' : process.arch} node-${process.version}`;
    if (!r.stdout.includes(userAgent)) throw new Error(`root help does not show the user agent ${userAgent}`);
    return r.stdout.split(userAgent).join(USER_AGENT_PLACEHOLDER);
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const { reasons, strategyHooks } = inspectPlugins();
// oclif warns when Node does not satisfy engines.node: bin/run.js leaves older Node to oclif.
const engines = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(pjson.engines?.node ?? '');
if (!engines) reasons.push(`engines.node (${pjson.engines?.node}) is not of the form >=X.Y.Z`);
// A theme colours oclif's JSON output; the cold-start runner prints plain JSON.
if (pjson.oclif.theme) reasons.push('oclif.theme is set');
const manifest = {
  name: pjson.name,
  version: pjson.version,
  bin: pjson.oclif.bin,
  enabled: reasons.length === 0,
  reasons,
  userAgentPlaceholder: USER_AGENT_PLACEHOLDER,
  versionFlags: [...new Set(['--version', ...(pjson.oclif.additionalVersionFlags ?? [])])],
  helpFlags: [...new Set(['--help', ...(pjson.oclif.additionalHelpFlags ?? [])])],
  corePlugins: pjson.oclif.plugins ?? [],
  minNode: engines ? [Number(engines[1]), Number(engines[2]), Number(engines[3] ?? 0)] : undefined,
  commands: {},
};
if (manifest.enabled) {
  writeAtomic(join(OUT, 'root-help.txt'), renderRootHelp('--help'));
  for (const [id, spec] of Object.entries(HOT_COMMANDS))
    manifest.commands[id] = await bundleCommand(id, spec, strategyHooks);
}
writeAtomic(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
if (CHECK && stale.length > 0) {
  console.error(
    `fast-path files out of date with dist/: ${stale.join(', ')}. Rebuild the CLI: tools/env.sh nx run @agentcore/cli:build`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `fast paths ${CHECK ? 'up to date' : manifest.enabled ? `ready: --version, --help, ${Object.keys(manifest.commands).join(', ')}` : `disabled: ${reasons.join('; ')}`}`,
  );
}
