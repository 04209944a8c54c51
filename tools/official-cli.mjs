#!/usr/bin/env node
/**
 * The official AgentCore CLI (`@aws/agentcore`, pinned) installed once into `.tools/official-cli-<version>/`
 * (gitignored, outside the workspace's node_modules) for the compatibility tests.
 *
 *   node tools/official-cli.mjs install     install if missing, print the path of its bin script
 *
 * Library use (tests): `ensureOfficialCli()` → `{ bin }` or `{ skipped: reason }` (under CI=true a failed install
 * throws instead), `officialEnv(home)`.
 *
 * The registry mirror this repo is built against lacks a few of the release's transitive versions and its optional
 * inspector UI package, so the install pins those (`overrides`) and stubs the inspector (an empty module: the
 * commands the tests run never load it). Parallel test files share one install through a lock folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OFFICIAL_CLI_VERSION = '0.30.0';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OFFICIAL_CLI_DIR = join(REPO_ROOT, '.tools', `official-cli-${OFFICIAL_CLI_VERSION}`);
const LOCK = `${OFFICIAL_CLI_DIR}.lock`;
const MARKER = join(OFFICIAL_CLI_DIR, '.installed');
const BIN = join(OFFICIAL_CLI_DIR, 'node_modules', '@aws', 'agentcore', 'dist', 'cli', 'index.mjs');

const PACKAGE_JSON = {
  name: 'official-agentcore-cli',
  private: true,
  dependencies: { '@aws/agentcore': OFFICIAL_CLI_VERSION },
  overrides: {
    '@aws-sdk/client-s3files': '3.1053.0',
    '@aws/agent-inspector': 'file:./stub-inspector',
    'cdk-from-cfn': '0.334.0',
    '@aws-cdk/toolkit-lib': '1.40.1',
    'aws-cdk-lib': '2.270.0',
  },
};

/** Environment for running the official CLI: its own HOME, no telemetry, no OS keychain. */
export function officialEnv(home, base = process.env) {
  return {
    PATH: base.PATH,
    HOME: home,
    AGENTCORE_TELEMETRY_DISABLED: '1',
    AGENTCORE_DISABLE_KEYCHAIN: '1',
    AGENTCORE_CONFIG_DIR: join(home, '.agentcore'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

function installed() {
  return existsSync(MARKER) && existsSync(BIN);
}

function run(cmd, args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, out: String(err) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock folder without a pid file older than a minute was left by a process that died right after mkdir. */
function orphaned() {
  try {
    return Date.now() - statSync(LOCK).mtimeMs > 60_000;
  } catch {
    return false;
  }
}

/** Take the lock folder; a lock left by a dead process is taken over. Resolves false when another process installed it meanwhile. */
async function acquire(deadline) {
  for (;;) {
    if (installed()) return false;
    try {
      mkdirSync(LOCK, { recursive: false });
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return true;
    } catch {
      let pid = 0;
      try {
        pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8')) || 0;
      } catch {
        pid = 0;
      }
      if ((pid > 0 && !pidAlive(pid)) || (pid === 0 && orphaned())) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK} (held by pid ${pid})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function install(timeoutMs) {
  rmSync(OFFICIAL_CLI_DIR, { recursive: true, force: true });
  mkdirSync(join(OFFICIAL_CLI_DIR, 'stub-inspector'), { recursive: true });
  writeFileSync(join(OFFICIAL_CLI_DIR, 'package.json'), JSON.stringify(PACKAGE_JSON, null, 2) + '\n');
  writeFileSync(
    join(OFFICIAL_CLI_DIR, 'stub-inspector', 'package.json'),
    JSON.stringify({ name: '@aws/agent-inspector', version: '0.6.1', main: 'index.js' }) + '\n',
  );
  writeFileSync(join(OFFICIAL_CLI_DIR, 'stub-inspector', 'index.js'), 'module.exports = {};\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = await run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], OFFICIAL_CLI_DIR, timeoutMs);
  if (r.code !== 0 || !existsSync(BIN)) {
    throw new Error(
      `npm install of @aws/agentcore@${OFFICIAL_CLI_VERSION} failed (exit ${r.code}):\n${r.out.slice(-2000)}`,
    );
  }
  writeFileSync(MARKER, `${OFFICIAL_CLI_VERSION}\n`);
}

/**
 * Install the official CLI if it is not there yet. Returns `{ bin }`, or `{ skipped }` with the reason when it
 * cannot be installed — except under `CI=true`, where that is an error.
 */
export async function ensureOfficialCli({ timeoutMs = 480_000 } = {}) {
  try {
    if (installed()) return { bin: BIN };
    const deadline = Date.now() + timeoutMs;
    if (await acquire(deadline)) {
      try {
        await install(Math.max(deadline - Date.now(), 1000));
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
    return { bin: BIN };
  } catch (err) {
    if (process.env.CI === 'true') throw err;
    return {
      skipped: `the official CLI @aws/agentcore@${OFFICIAL_CLI_VERSION} could not be installed: ${err.message}`,
    };
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cmd = process.argv[2];
  if (cmd !== 'install') {
    console.error('usage: node tools/official-cli.mjs install');
    process.exit(2);
  }
  const r = await ensureOfficialCli();
  if ('skipped' in r) {
    console.error(r.skipped);
    process.exit(1);
  }
  console.log(r.bin);
}
