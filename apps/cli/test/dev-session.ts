/**
 * `agentcore dev --json` as the CLI integration tests run it: spawn the built binary in a project, wait for the
 * ready envelope (its first stdout line), and stop it again in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from './helpers.js';

/** The ready envelope's `result`, as far as the tests read it. */
export interface DevReady {
  url: string;
  pid?: number;
  sessionFile: string;
  issuerDiscoveryUrl: string;
  runtimes: { name: string; url: string; authorizerType?: string }[];
  gateways: { name: string; url: string; targets: string[]; authorizerType?: string }[];
}

export interface DevSession<R = DevReady> {
  child: ChildProcess;
  /** The ready line, parsed. */
  envelope: { status: number; result: R };
  ready: R;
  /** Everything dev wrote on stderr so far (grows while it runs). */
  stderr(): string;
  /**
   * Send `signal` (default SIGTERM) and wait for the exit; SIGKILL after `graceMs` (default 10 s). No-op once exited.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/**
 * Start `agentcore dev --json <args>` in `cwd` and resolve once it printed its ready line; rejects (with dev's
 * stderr) when it exits first or is not ready within `timeoutMs`, and then kills it.
 */
export async function startDev<R = DevReady>(
  cwd: string,
  env: NodeJS.ProcessEnv,
  { args = ['--issuer'], timeoutMs = 30_000 }: { args?: string[]; timeoutMs?: number } = {},
): Promise<DevSession<R>> {
  const child = spawn(process.execPath, [BIN, 'dev', ...args, '--json'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  let line: string;
  try {
    line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`dev not ready in ${timeoutMs / 1000} s:\n${stderr}`)),
        timeoutMs,
      );
      createInterface({ input: child.stdout }).once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`dev exited ${code}:\n${stderr}`));
      });
    });
  } catch (err) {
    await stop('SIGKILL');
    throw err;
  }
  const envelope = JSON.parse(line) as { status: number; result: R };
  return { child, envelope, ready: envelope.result, stderr: () => stderr, stop };
}
