/**
 * `startDev()`: agent processes + the runtime and gateway emulators on one loopback port (+ the dev issuer), in
 * named steps: plan → issuer → agents → emulators → router → session (each in `start/`, testable alone), plus the
 * config reload. Everything started here is stopped by `close()`, and killed on process exit as a last resort.
 */
import type { FSWatcher } from 'node:fs';
import type { Server } from 'node:http';
import { redactUrlsInText, type ProjectConfig } from '@agentcore/schema';
import type { StrategyRegistry, VerifyOptions } from '@agentcore/auth';
import type { AgentProcess } from './agent-process.js';
import type { DevIssuer } from './dev-issuer.js';
import type { SecretReader } from './entries.js';
import type { Skipped } from './plan.js';
import { removeDevSessionSync } from './session.js';
import { startAgents } from './start/agents-step.js';
import { createEmulators, gatewayEntries, type Emulators } from './start/emulators-step.js';
import { startIssuer, type IssuerStep } from './start/issuer-step.js';
import { planSession } from './start/plan-step.js';
import { watchConfig } from './start/reload-step.js';
import { createDevServer, createRouter, listen } from './start/router.js';
import { sessionUrls, writeSessionFile } from './start/session-step.js';

export type { SecretReader } from './entries.js';

export interface DevOptions {
  /** Project root (the folder holding `agentcore/`). */
  root: string;
  config: ProjectConfig;
  registry: StrategyRegistry;
  /** `.env.local` (a SecretStore). Read for outbound API keys and the dev issuer's clients only. */
  secrets: SecretReader;
  /** Only these runtimes (default: all). */
  runtimes?: readonly string[];
  /** Emulate gateways (default true). */
  gateways?: boolean;
  /** Port of the emulator (default: chosen by the OS). Always bound to `host`. */
  port?: number;
  host?: string;
  /** Start the embedded dev issuer and point OIDC authorizers at it for this session. */
  issuer?: boolean;
  /** Restart an agent when its code changes. */
  watch?: boolean;
  /** Write `agentcore/.cli/dev-session.json` (default true). */
  sessionFile?: boolean;
  startTimeoutMs?: number;
  verifyOptions?: VerifyOptions;
  /** How long an accepted Authorization value is accepted again without re-verifying (never past its `exp`; 0 disables; default 30 s). */
  decisionTtlMs?: number;
  /** Output sink: agent lines prefixed `[name]`, emulator notes prefixed `[dev]`. */
  log?: (line: string) => void;
  /**
   * Load and validate the project again. When given, agentcore.json and `.env.local` are watched and each change is
   * re-planned and applied live where it can be (see reload.ts).
   */
  reload?: () => Promise<ProjectConfig>;
}

export interface DevSession {
  url: string;
  /** Runtime name → invocation URL. */
  runtimes: Record<string, string>;
  /** Gateway name → MCP endpoint URL. */
  gateways: Record<string, string>;
  issuer?: { issuer: string; discoveryUrl: string; tokenEndpoint: string; clientIds: readonly string[] };
  /** Targets (and runtimes) that are not emulated, with the reason. */
  skipped: Skipped[];
  sessionFile?: string;
  /** Agent process ids (tests check that none is left). */
  pids(): number[];
  close(): Promise<void>;
}

/** What a session holds while it runs, and the one way to stop all of it. */
class Running {
  readonly agents: AgentProcess[] = [];
  readonly watchers: FSWatcher[] = [];
  issuer: DevIssuer | undefined;
  server: Server | undefined;
  sessionWritten = false;
  closing = false;
  readonly #lastResort = () => {
    for (const a of this.agents) a.killNow();
    if (this.sessionWritten) removeDevSessionSync(this.root);
  };

  constructor(
    private readonly root: string,
    private readonly emulators: Emulators,
  ) {
    process.on('exit', this.#lastResort);
  }

  readonly close = async (): Promise<void> => {
    if (this.closing) return;
    this.closing = true;
    this.watchers.forEach((w) => w.close());
    await Promise.all(this.agents.map((a) => a.stop()));
    await this.emulators.gateway.close();
    this.emulators.runtime.close();
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
    await this.issuer?.close();
    if (this.sessionWritten) removeDevSessionSync(this.root);
    process.off('exit', this.#lastResort);
  };
}

export async function startDev(options: DevOptions): Promise<DevSession> {
  const sink = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  // Every dev log line (agents' output included) goes through URL redaction: no credential inside a URL is shown.
  const log = (line: string): void => sink(redactUrlsInText(line));
  const host = options.host ?? '127.0.0.1';
  const plan = await planSession(options);
  let url = '';
  const baseUrl = () => url;
  const emulators = createEmulators({
    baseUrl,
    log,
    verifyOptions: options.verifyOptions,
    decisionTtlMs: options.decisionTtlMs,
  });
  const running = new Running(options.root, emulators);
  try {
    let issuerStep: IssuerStep | undefined;
    if (options.issuer) {
      issuerStep = await startIssuer(plan, options.secrets, host, log);
      running.issuer = issuerStep.issuer;
    }
    const issuer = issuerStep?.issuer;
    const runtimes = await startAgents(plan, {
      root: options.root,
      host,
      log,
      startTimeoutMs: options.startTimeoutMs,
      watch: options.watch,
      protocolOf: (name) => options.config.runtimes.find((c) => c.name === name)?.protocol,
      agents: running.agents,
      watchers: running.watchers,
      closing: () => running.closing,
    });
    const gateways = await gatewayEntries(plan, options.secrets, options.config.credentials);
    let urls = sessionUrls('', [], []);
    const route = createRouter({
      baseUrl,
      runtimes,
      gateways,
      emulators,
      urls: () => urls,
      issuerDiscoveryUrl: issuer?.discoveryUrl,
    });
    running.server = createDevServer(route, log);
    url = `http://${host}:${await listen(running.server, options.port ?? 0, host)}`;
    urls = sessionUrls(url, [...runtimes.keys()], [...gateways.keys()]);
    const session: DevSession = {
      url,
      runtimes: urls.runtimes,
      gateways: urls.gateways,
      issuer: issuer && {
        issuer: issuer.issuer,
        discoveryUrl: issuer.discoveryUrl,
        tokenEndpoint: issuer.tokenEndpoint,
        clientIds: issuer.clientIds,
      },
      skipped: plan.skipped,
      pids: () => running.agents.flatMap((a) => (a.pid !== undefined && a.running ? [a.pid] : [])),
      close: running.close,
    };
    if (options.reload) {
      const ctx = {
        load: options.reload,
        registry: options.registry,
        secrets: options.secrets,
        planOptions: { runtimes: options.runtimes, gateways: options.gateways },
        ...(issuerStep
          ? { issuer: { discoveryUrl: issuerStep.issuer.discoveryUrl, clients: issuerStep.clients } }
          : {}),
        log,
      };
      running.watchers.push(
        watchConfig(options.root, { started: plan, runtimes, gateways }, ctx, () => running.closing),
      );
    }
    if (options.sessionFile !== false) {
      session.sessionFile = await writeSessionFile(options.root, url, urls, issuer?.discoveryUrl);
      running.sessionWritten = true;
    }
    return session;
  } catch (err) {
    await running.close();
    throw err;
  }
}
