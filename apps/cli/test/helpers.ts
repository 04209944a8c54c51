/**
 * CLI integration-test helpers: run the built `agentcore` binary in a temp folder with isolated HOME/XDG
 * folders (so user-installed plugins and the real secrets key never leak in) and parse its `--json` envelope.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));

export interface RunResult<R = unknown> {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Parsed stdout when it is JSON. */
  json?: {
    status?: 0;
    result?: R;
    warnings?: string[];
    code?: string;
    message?: string;
    actions?: string[];
    exitCode?: number;
    details?: Record<string, unknown>;
  };
}

export interface Sandbox {
  /** Temp folder (parent of projects). */
  dir: string;
  env: NodeJS.ProcessEnv;
  run<R = unknown>(
    args: string[],
    options?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; keepStdinOpen?: boolean },
  ): Promise<RunResult<R>>;
  cleanup(): Promise<void>;
}

/** HOME, XDG and agentcore config folders under `dir`, no keychain, no colours. */
export function isolatedUserEnv(dir: string): NodeJS.ProcessEnv {
  return {
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    AGENTCORE_CONFIG_DIR: join(dir, 'home', '.agentcore'),
    AGENTCORE_DISABLE_KEYCHAIN: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

export async function createSandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'agentcore-it-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...isolatedUserEnv(dir) };
  return {
    dir,
    env,
    run(args, options = {}) {
      return runBin(args, {
        cwd: options.cwd ?? dir,
        env: { ...env, ...options.env },
        input: options.input,
        timeoutMs: options.timeoutMs,
        keepStdinOpen: options.keepStdinOpen,
      });
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  /** Leave stdin open (no EOF) until the process exits: a command that waits for input hangs until the timeout. */
  keepStdinOpen?: boolean;
}

export function runBin<R>(args: string[], options: RunOptions): Promise<RunResult<R>> {
  return runNodeScript<R>(BIN, args, options, 30_000);
}

/** Run `node <script> ...args`, feed `input` on stdin, kill it after the timeout, and parse stdout when it is JSON. */
export async function runNodeScript<R>(
  script: string,
  args: string[],
  options: RunOptions,
  defaultTimeoutMs: number,
): Promise<RunResult<R>> {
  const { exitCode, stdout, stderr } = await spawnNode([script, ...args], options, defaultTimeoutMs);
  let json: RunResult<R>['json'];
  try {
    json = JSON.parse(stdout) as RunResult<R>['json'];
  } catch {
    json = undefined;
  }
  return { exitCode, stdout, stderr, json };
}

export interface ProcessOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run `node ...argv`, feed `input` on stdin, kill it after the timeout (default 30 s); exit code -1 when killed. */
export function spawnNode(argv: string[], options: RunOptions, defaultTimeoutMs = 30_000): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? defaultTimeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // EPIPE when the process exits without reading
    if (options.keepStdinOpen) child.stdin.write(options.input ?? '');
    else child.stdin.end(options.input ?? '');
  });
}

/**
 * What the first action of an error says, per code, for tables of refusals: a concrete next step (a flag, a
 * command, the allowed values or the file to fix), not just "some text".
 */
export const FIRST_ACTION: Readonly<Record<string, RegExp>> = {
  ERR_INVALID_INPUT: /^(Run `agentcore [a-z -]+ --help` for usage\.|Use one of: \S|(Use|Add|Drop|Pass) .*--[a-z])/,
  ERR_MISSING_FLAGS: /^(Pass the missing flags \(see `agentcore [a-z -]+ --help`\)\.|Add --name with one of: \S)/,
  ERR_USAGE: /^Run `agentcore [a-z -]+ --help` for usage\.$/,
  ERR_DUPLICATE: /^(Choose|Pick) another --name/,
  ERR_PROJECT_EXISTS: /^Choose another --name or folder, or work in the existing project\.$/,
  ERR_NOT_FOUND: /^Use one of: \S/,
  ERR_IN_USE: /^Remove or change what uses it first \(see `agentcore status`\)/,
  ERR_CONFIG_INVALID: /^Fix the listed fields in \S+agentcore\.json, then run `agentcore validate`\.$/,
  ERR_CONFIG_INVALID_JSON: /^Fix the JSON syntax/,
  ERR_CONFIG_UNREADABLE: /^Check that the file exists and is readable\.$/,
};

/** Snapshot of a project's config and secrets files, to assert "byte-identical after a failed command". */
export async function snapshotProject(root: string): Promise<{ config: string; env: string | undefined }> {
  const config = await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8');
  const env = await readFile(join(root, 'agentcore', '.env.local'), 'utf8').catch(() => undefined);
  return { config, env };
}

export async function fileMode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** Write small placeholder files (schemas a target names must exist when it is added) under a project root. */
export async function writeProjectFiles(root: string, paths: readonly string[], content = '{}'): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  for (const p of paths) {
    await mkdir(dirname(join(root, p)), { recursive: true });
    await writeFile(join(root, p), content);
  }
}
