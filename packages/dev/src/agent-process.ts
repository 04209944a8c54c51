/**
 * One agent process: started from its code location and entrypoint with only its own configuration in the
 * environment (its `envVars`, PORT/HOST, a minimal PATH/HOME), output prefixed `[name]`, ready when GET /ping is 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DevError } from './errors.js';
import { devMessages } from './messages.js';

export interface AgentCommand {
  command: string;
  args: string[];
}

/** How to start an entrypoint (`main.js`, `main.py`, `main.py:app`): pure, no I/O. */
export function agentCommand(entrypoint: string, options: { node?: string; python?: string } = {}): AgentCommand {
  const file = entrypoint.replace(/:[A-Za-z_][A-Za-z0-9_]*$/, '');
  const ext = extname(file);
  if (['.js', '.mjs', '.cjs', '.ts'].includes(ext)) return { command: options.node ?? process.execPath, args: [file] };
  if (ext === '.py') return { command: options.python ?? 'python3', args: ['-u', file] };
  throw new DevError('ERR_DEV_ENTRYPOINT', devMessages().get('error.Entrypoint', { entrypoint }), {
    actions: devMessages().list('error.Entrypoint.actions'),
    details: { entrypoint },
  });
}

/**
 * The agent's whole environment. Deliberately not `process.env`: the agent must never see the inbound client
 * secrets of runtimes or gateways, nor any other secret of the developer's shell.
 */
export function agentEnv(
  envVars: readonly { name: string; value: string }[] | undefined,
  port: number,
  host: string,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'SystemRoot', 'TMPDIR', 'LANG']) {
    const v = base[key];
    if (v !== undefined) env[key] = v;
  }
  for (const v of envVars ?? []) env[v.name] = v.value;
  env.PORT = String(port);
  env.HOST = host;
  env.PYTHONUNBUFFERED = '1';
  return env;
}

/** A free TCP port on `host`, chosen by the OS. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function ping(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export interface AgentProcessOptions {
  name: string;
  /** Absolute folder the agent runs in (its code location). */
  codeDir: string;
  entrypoint: string;
  envVars?: readonly { name: string; value: string }[];
  host?: string;
  /** How long to wait for GET /ping to answer 200 (default 20 s). */
  startTimeoutMs?: number;
  /** Receives each output line, already prefixed with `[name]`. */
  log: (line: string) => void;
  python?: string;
}

export interface AgentExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lastLines: string[];
}

const KEEP_LINES = 20;

export class AgentProcess {
  readonly name: string;
  port = 0;
  #child: ChildProcess | undefined;
  #lines: string[] = [];
  #stopping = false;
  #exitListeners: ((exit: AgentExit) => void)[] = [];
  readonly #options: AgentProcessOptions;

  constructor(options: AgentProcessOptions) {
    this.name = options.name;
    this.#options = options;
  }

  get host(): string {
    return this.#options.host ?? '127.0.0.1';
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** True while the process runs (it may not be ready yet). */
  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  onExit(listener: (exit: AgentExit) => void): void {
    this.#exitListeners.push(listener);
  }

  lastLines(): string[] {
    return [...this.#lines];
  }

  #record(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > KEEP_LINES) this.#lines.shift();
    this.#options.log(`[${this.name}] ${line}`);
  }

  /** Spawn the process and wait until GET /ping answers 200. */
  async start(): Promise<void> {
    const { command, args } = agentCommand(this.#options.entrypoint, { python: this.#options.python });
    this.port = await freePort(this.host);
    this.#lines = [];
    this.#stopping = false;
    const child = spawn(command, args, {
      cwd: this.#options.codeDir,
      env: agentEnv(this.#options.envVars, this.port, this.host),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    createInterface({ input: child.stdout }).on('line', (l) => this.#record(l));
    createInterface({ input: child.stderr }).on('line', (l) => this.#record(l));
    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    const exited = new Promise<AgentExit>((resolve) => {
      child.once('close', (code, signal) => {
        const exit = { code, signal, lastLines: this.lastLines() };
        if (!this.#stopping) for (const l of this.#exitListeners) l(exit);
        resolve(exit);
      });
    });
    const deadline = Date.now() + (this.#options.startTimeoutMs ?? 20_000);
    let done = false;
    void exited.then(() => (done = true));
    while (!done && Date.now() < deadline) {
      if (await ping(this.host, this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = join(this.#options.codeDir, this.#options.entrypoint);
    if (done || spawnError) {
      const exit = await exited;
      const values = {
        name: this.name,
        exit: describeExit(exit, spawnError),
        codeDir: this.#options.codeDir,
        command: `${command === process.execPath ? 'node' : command} ${args.join(' ')}`,
      };
      throw new DevError('ERR_DEV_AGENT_START', devMessages().get('error.AgentExited', values), {
        actions: devMessages().list('error.AgentExited.actions', values),
        details: { runtime: this.name, file, exitCode: exit.code, signal: exit.signal, lastLines: exit.lastLines },
      });
    }
    await this.stop();
    const values = { name: this.name, timeoutMs: this.#options.startTimeoutMs ?? 20_000 };
    throw new DevError('ERR_DEV_AGENT_START', devMessages().get('error.AgentNoPing', values), {
      actions: devMessages().list('error.AgentNoPing.actions'),
      details: { runtime: this.name, file, lastLines: this.lastLines() },
    });
  }

  /** Stop the process (SIGTERM, then SIGKILL after `graceMs`). */
  async stop(graceMs = 3000): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    this.#stopping = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Synchronous last-resort kill (process `exit` handler). */
  killNow(): void {
    if (this.running) this.#child?.kill('SIGKILL');
  }
}

export function describeExit(exit: Pick<AgentExit, 'code' | 'signal'>, error?: Error): string {
  if (error) return error.message;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
