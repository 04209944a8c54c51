#!/usr/bin/env node
/**
 * Build step after `tsc -b && oclif manifest`: prepares the cold-start fast paths of `bin/run.js`
 * (docs/architecture.md, "Cold start").
 *   dist/fast-path/manifest.json      what the fast paths may assume (version, help flags, core plugins), or why disabled
 *   dist/fast-path/root-help.txt      `agentcore --help` as oclif prints it to a pipe, with the user agent as a placeholder
 *   dist/fast-path/<command>.js       one esbuild bundle per hot command: the cold-start runner (src/fast/lite.ts), the
 *                                     command's handler, its flag table from the oclif manifest and the core
 *                                     strategies' hook functions — and no oclif (checked below)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'fast-path');
const USER_AGENT_PLACEHOLDER = '\u0000AGENTCORE_USER_AGENT\u0000';
/** Commands bundled for the fast path: oclif id → compiled handler module and export (src/handlers). */
const HOT_COMMANDS = { 'add:credential': { file: 'dist/handlers/add-credential.js', handler: 'addCredentialHandler' } };
/** Flag properties the cold-start runner's parser (src/fast/argv.ts) handles; any other set property keeps the command on oclif. */
const SIMPLE_FLAG_KEYS = new Set([
  'name',
  'type',
  'multiple',
  'summary',
  'description',
  'helpGroup',
  'helpValue',
  'hasDynamicHelp',
  'hidden',
  'deprecated',
]);
/** Hooks the fast path knows are irrelevant to the commands it runs. Any other hook disables it. */
const HARMLESS_HOOKS = new Set(['agentcore:strategies', 'command_not_found', 'update', 'plugins:preinstall']);
const STRATEGIES_HOOK = 'agentcore:strategies';
/**
 * The CLI's own prerun hook (src/hooks/prerun.ts) acts only on `plugins …` commands, which the fast path never
 * serves, and on user-installed plugins, whose presence turns the fast path off (bin/run.js).
 */
const OWN_HARMLESS_HOOKS = new Set(['prerun']);

/** Other builds and runs may read dist/fast-path while this one writes it: replace files atomically. */
function writeAtomic(file, data) {
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

/** The command's flags as the runner's parser needs them; throws when one is beyond it (fix the command or HOT_COMMANDS). */
function simpleFlags(id) {
  const command = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')).commands?.[id];
  if (!command) throw new Error(`${id} is not in oclif.manifest.json`);
  if (Object.keys(command.args ?? {}).length > 0 || command.strict === false)
    throw new Error(`${id}: the cold-start runner takes no arguments and only strict commands`);
  const flags = {};
  for (const [name, flag] of Object.entries(command.flags ?? {})) {
    const extra = Object.entries(flag).filter(
      ([k, v]) => !SIMPLE_FLAG_KEYS.has(k) && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0),
    );
    if (extra.length > 0 || (flag.type !== 'option' && flag.type !== 'boolean')) {
      throw new Error(
        `${id}: flag --${name} uses ${extra.map(([k]) => k).join(', ') || flag.type}, which the cold-start runner does not parse`,
      );
    }
    flags[name] = { type: flag.type, ...(flag.multiple ? { multiple: true } : {}) };
  }
  return flags;
}

/** The CLI and its core plugins, with versions, as oclif would list them (for telemetry). */
function pluginVersions() {
  return [
    { name: pjson.name, version: pjson.version },
    ...(pjson.oclif.plugins ?? []).map((name) => ({ name, version: readPluginPjson(name).pjson.version })),
  ];
}

async function bundleCommand(id, { file, handler }, strategyHooks) {
  const hookImports = Object.entries(strategyHooks).map(([name, path], i) => ({ name, path, local: `hook${i}` }));
  const versions = Object.fromEntries(pluginVersions().map((p) => [p.name, p.version]));
  const command = {
    id,
    flags: simpleFlags(id),
    cli: {
      name: pjson.name,
      version: pjson.version,
      pjson: { oclif: { plugins: pjson.oclif.plugins ?? [] }, agentcore: pjson.agentcore ?? {} },
    },
    plugins: pluginVersions(),
  };
  const contents = [
    `import { runLite } from ${JSON.stringify(join(ROOT, 'dist/fast/lite.js'))};`,
    `import { ${handler} as handler } from ${JSON.stringify(join(ROOT, file))};`,
    ...hookImports.map((h) => `import ${h.local} from ${JSON.stringify(h.path)};`),
    `const strategyHooks = [${hookImports.map((h) => `{ name: ${JSON.stringify(h.name)}, version: ${JSON.stringify(versions[h.name])}, hook: ${h.local} }`).join(', ')}];`,
    `const command = { ...${JSON.stringify(command)}, handler, strategyHooks };`,
    'export const run = (argv, root) => runLite(command, argv, root);',
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
    plugins: [lazyUndici, originalImportMetaUrl, zodEnglishOnly],
    metafile: true,
    absWorkingDir: ROOT,
    banner: {
      js: "import { createRequire as __agentcoreCreateRequire } from 'node:module'; const require = __agentcoreCreateRequire(import.meta.url);",
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${id}`);
  // The point of the runner is not loading oclif: a handler that pulls it in must be fixed, not shipped.
  const oclifInputs = Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/@oclif/'));
  if (oclifInputs.length > 0)
    throw new Error(
      `the cold-start bundle of ${id} includes oclif (${oclifInputs.slice(0, 3).join(', ')}…): keep @oclif/core out of src/handlers and src/fast`,
    );
  writeAtomic(outfile, output.contents);
  if (process.env.AGENTCORE_FAST_METAFILE) writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile));
  // Workspace packages compiled into the bundle: their tsc build info changes whenever they are rebuilt.
  const packages = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes('node_modules/') || input.includes(':')) continue;
    let dir = dirname(resolve(ROOT, input));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    packages.add(dir);
  }
  for (const dir of packages) watchInput(join(dir, 'dist', '.tsbuildinfo'));
  return relative(ROOT, outfile);
}

/**
 * Files whose change makes the fast-path outputs stale (a `tsc -b` or `oclif manifest` without this step).
 * bin/run.js takes the normal path when one of them is newer than dist/fast-path/manifest.json (written last) *and*
 * its content changed: a cache restore (Nx) rewrites identical files with fresh timestamps, which must not count.
 * Files absent at run time (a published install has no .tsbuildinfo or sibling workspace) are not checked.
 */
const inputs = new Map();
function watchInput(file) {
  if (existsSync(file))
    inputs.set(
      relative(ROOT, file).split('\\').join('/'),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
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
  watchInput(join(ROOT, 'package.json'));
  watchInput(join(ROOT, 'oclif.manifest.json'));
  for (const name of manifest.corePlugins) watchInput(join(readPluginPjson(name).dir, 'oclif.manifest.json'));
  manifest.inputs = [...inputs].sort(([a], [b]) => a.localeCompare(b)).map(([file, sha256]) => ({ file, sha256 }));
}
writeAtomic(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(
  `fast paths ${manifest.enabled ? `ready: --version, --help, ${Object.keys(manifest.commands).join(', ')}` : `disabled: ${reasons.join('; ')}`}`,
);
