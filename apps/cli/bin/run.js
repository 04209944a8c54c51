#!/usr/bin/env node
// agentcore entry point. Cold-start fast paths (docs/architecture.md, "Cold start") answer `--version`, root help
// to a pipe, and the hot commands bundled by scripts/build-fast.mjs (parsed by oclif's own parser), with oclif's
// exact output; anything they are not sure about takes oclif's normal path. AGENTCORE_FAST_PATH=0 turns them off.
import nodeModule from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { arch, homedir, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A default import: older Node (which oclif then warns about) lacks enableCompileCache.
nodeModule.enableCompileCache?.();

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** oclif's platform name; WSL (which oclif reports as `wsl`) is left to oclif. */
function oclifPlatform() {
  const p = platform();
  if (p !== 'linux') return p;
  if (release().toLowerCase().includes('microsoft')) return undefined;
  try {
    if (readFileSync('/proc/version', 'utf8').toLowerCase().includes('microsoft')) return undefined;
  } catch {
    // no /proc: not WSL
  }
  return p;
}

/** True when plugins were installed or linked by the user (oclif's data dir lists them). */
function hasUserPlugins(env) {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local/share');
  const dataDir = env.AGENTCORE_DATA_DIR || join(base, 'agentcore');
  const plugins = readJson(join(dataDir, 'package.json'))?.oclif?.plugins;
  return Array.isArray(plugins) && plugins.length > 0;
}

/** Node older than engines.node: oclif's path prints its warning. */
function nodeTooOld(minNode) {
  if (!Array.isArray(minNode)) return true;
  const have = process.versions.node.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== minNode[i]) return (have[i] ?? 0) < minNode[i];
  return false;
}

/** A user theme colours oclif's JSON output (the cold-start runner prints plain JSON); so does AGENTCORE_CONTENT_TYPE's switch. */
function commandNeedsOclif(env) {
  if ('AGENTCORE_CONTENT_TYPE' in env) return true;
  if (['1', 'true'].includes((env.AGENTCORE_DISABLE_THEME ?? '').toLowerCase())) return false;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return existsSync(join(env.AGENTCORE_CONFIG_DIR || join(base, 'agentcore'), 'theme.json'));
}

/** Environment in which oclif's help would not be plain 80-column text (FORCE_COLOR 0/false/empty forces nothing). */
const COLOUR_OR_WIDTH_ENV = [
  'OCLIF_COLUMNS',
  'PM2_HOME',
  'NEXT_RUNTIME',
  'TF_BUILD',
  'GITHUB_ACTIONS',
  'GITEA_ACTIONS',
  'CIRCLECI',
  'TEAMCITY_VERSION',
];

async function fastPath(argv, env) {
  if (env.AGENTCORE_FAST_PATH === '0' || env.DEBUG || platform() === 'win32') return false;
  const manifest = readJson(join(ROOT, 'dist/fast-path/manifest.json'));
  const pjson = readJson(join(ROOT, 'package.json'));
  if (!manifest?.enabled || !pjson || manifest.version !== pjson.version || manifest.name !== pjson.name) return false;
  if (nodeTooOld(manifest.minNode)) return false;
  const os = oclifPlatform();
  if (!os || hasUserPlugins(env)) return false;
  const userAgent = `${pjson.name}/${pjson.version} ${os}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}`;
  const first = argv[0];
  if (first !== undefined && manifest.versionFlags.includes(first)) {
    process.stdout.write(`${userAgent}\n`);
    return true;
  }
  const helpIndex = argv.findIndex((a) => manifest.helpFlags.includes(a));
  const dashDash = argv.indexOf('--');
  const wantsHelp = helpIndex >= 0 && (dashDash < 0 || helpIndex < dashDash);
  if (argv.length === 0 || (argv.length === 1 && wantsHelp)) {
    const forcedColour = 'FORCE_COLOR' in env && !['', '0', 'false'].includes(env.FORCE_COLOR);
    if (process.stdout.isTTY || forcedColour || COLOUR_OR_WIDTH_ENV.some((k) => k in env)) return false;
    let text;
    try {
      text = readFileSync(join(ROOT, 'dist/fast-path/root-help.txt'), 'utf8');
    } catch {
      return false;
    }
    process.stdout.write(text.split(manifest.userAgentPlaceholder).join(userAgent));
    return true;
  }
  const id = argv.length >= 2 ? `${argv[0]}:${argv[1]}` : undefined;
  const bundle = id ? manifest.commands[id] : undefined;
  if (!bundle || wantsHelp || commandNeedsOclif(env)) return false;
  let run;
  try {
    ({ run } = await import(new URL(`../${bundle}`, import.meta.url).href));
  } catch {
    return false; // a bundle that does not load (fast-path.integration.test.ts would fail) leaves oclif in charge
  }
  return run(argv.slice(2), ROOT);
}

if (!(await fastPath(process.argv.slice(2), process.env))) {
  const { execute } = await import('@oclif/core');
  // `agentcore` alone at a terminal opens the home screen (docs/interactive.md); piped or under CI it prints help.
  const ci = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
  const home = process.argv.length === 2 && process.stdin.isTTY && process.stdout.isTTY && !ci;
  await execute({ dir: import.meta.url, ...(home ? { args: ['interactive'] } : {}) });
}
