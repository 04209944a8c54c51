/**
 * `startDev()`: agent processes + the runtime and gateway emulators on one loopback port (+ the dev issuer).
 * Everything started here is stopped by `close()`, and killed on process exit as a last resort.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FSWatcher } from 'node:fs';
import { credentialEnvNames, type Credential, type ProjectConfig } from '@agentcore/schema';
import type { StrategyRegistry, VerifyOptions } from '@agentcore/auth';
import { AgentProcess, describeExit } from './agent-process.js';
import { startDevIssuer, type DevIssuer, type DevIssuerClient } from './dev-issuer.js';
import { DevError } from './errors.js';
import { matchRuntime } from './forwarding.js';
import { createGatewayHandler, type GatewayEntry } from './gateway-emulator.js';
import { requestPath, sendBadPath, sendJson } from './http-util.js';
import type { TargetEntry } from './outbound.js';
import { issuerResources, planDev, withDiscoveryUrl, type DevPlan, type Skipped } from './plan.js';
import { createRuntimeHandler, type RuntimeEntry } from './runtime-emulator.js';
import { readDevSession, removeDevSessionSync, writeDevSession } from './session.js';
import { watchCode } from './watch.js';

export interface SecretReader {
  get(key: string): Promise<string | undefined>;
}

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

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        new DevError('ERR_DEV_PORT', `Cannot listen on ${host}:${port}: ${err.code ?? err.message}.`, {
          actions: ['Choose another --port, or omit it to let the OS pick a free one.'],
          details: { port, host },
          cause: err,
        }),
      ),
    );
    server.listen(port, host, () => ok((server.address() as AddressInfo).port));
  });
}

async function issuerClients(
  plan: DevPlan,
  secrets: SecretReader,
  log: (l: string) => void,
): Promise<DevIssuerClient[]> {
  const clients = new Map<string, DevIssuerClient>();
  for (const r of issuerResources(plan)) {
    const names = credentialEnvNames(r.credentialName);
    const clientId = (await secrets.get(names.clientId)) ?? r.allowedClients[0];
    const clientSecret = await secrets.get(names.clientSecret);
    if (!clientId || !clientSecret) {
      log(
        `[dev] issuer: ${r.name} has no client credentials in .env.local (${r.credentialName}); add them with --client-id/--client-secret to get tokens.`,
      );
      continue;
    }
    const prev = clients.get(clientId);
    clients.set(clientId, {
      clientId,
      clientSecret,
      scopes: [...new Set([...(prev?.scopes ?? []), ...r.scopes])],
      audience: prev?.audience ?? r.audience,
    });
  }
  return [...clients.values()];
}

async function targetEntry(
  t: DevPlan['gateways'][number]['targets'][number],
  secrets: SecretReader,
  credentials: readonly Credential[],
): Promise<TargetEntry> {
  const entry: TargetEntry = {
    name: t.name,
    targetType: t.targetType,
    endpoint: t.endpoint,
    authType: t.authType,
    strategy: t.strategy,
    config: t.config,
    unavailable: t.unavailable,
    redactions: new Set(),
  };
  if (!t.strategy || t.unavailable || !t.config) return entry;
  if (!t.credentialName) return { ...entry, unavailable: `${t.authType} outbound auth has no credentialName` };
  const credentialName = t.credentialName;
  const { strategy, config } = { strategy: t.strategy, config: t.config };
  if (strategy.resolveSecret) {
    const credential = credentials.find((c) => c.name === credentialName);
    if (!credential) return { ...entry, unavailable: `credential ${credentialName} is not declared in agentcore.json` };
    const resolveSecret = strategy.resolveSecret.bind(strategy);
    // Per request: the strategy caches and refreshes (e.g. an OAuth token until shortly before it expires).
    return { ...entry, secret: () => resolveSecret(config, { credential, secrets }) };
  }
  const value = await secrets.get(credentialEnvNames(credentialName).apiKey);
  if (!value)
    return {
      ...entry,
      unavailable: `credential ${credentialName} has no value in agentcore/.env.local (add it with \`agentcore add credential\`)`,
    };
  return { ...entry, secret: async () => ({ value, credentialName }), redactions: new Set([value]) };
}

export async function startDev(options: DevOptions): Promise<DevSession> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const host = options.host ?? '127.0.0.1';
  const plan = planDev(options.config, options.registry, { runtimes: options.runtimes, gateways: options.gateways });
  if (!plan.runtimes.length && !plan.gateways.length) {
    throw new DevError('ERR_DEV_NOTHING_TO_RUN', 'This project has no runtimes or gateways to run locally.', {
      actions: ['Add an agent: agentcore add agent --name MyAgent --template node'],
    });
  }
  const running = options.sessionFile === false ? undefined : await readDevSession(options.root);
  if (running && running.pid !== process.pid) {
    throw new DevError(
      'ERR_DEV_SESSION_ACTIVE',
      `agentcore dev is already running for this project (pid ${running.pid}, ${running.runtimeUrl}).`,
      {
        actions: [`Use that session, or stop it first (Ctrl-C in its shell, or kill ${running.pid}).`],
        details: { pid: running.pid, runtimeUrl: running.runtimeUrl },
      },
    );
  }
  const agents: AgentProcess[] = [];
  const watchers: FSWatcher[] = [];
  let issuer: DevIssuer | undefined;
  let server: Server | undefined;
  let sessionWritten = false;
  let closing = false;
  const lastResort = () => {
    for (const a of agents) a.killNow();
    if (sessionWritten) removeDevSessionSync(options.root);
  };
  process.on('exit', lastResort);

  const runtimeHandler = createRuntimeHandler({
    baseUrl: () => url,
    log,
    verifyOptions: options.verifyOptions,
    decisionTtlMs: options.decisionTtlMs,
  });
  const gatewayHandler = createGatewayHandler({
    baseUrl: () => url,
    log,
    verifyOptions: options.verifyOptions,
    decisionTtlMs: options.decisionTtlMs,
  });
  let url = '';

  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    watchers.forEach((w) => w.close());
    await Promise.all(agents.map((a) => a.stop()));
    await gatewayHandler.close();
    runtimeHandler.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((ok) => server?.close(() => ok()));
    }
    await issuer?.close();
    if (sessionWritten) removeDevSessionSync(options.root);
    process.off('exit', lastResort);
  };

  try {
    if (options.issuer) {
      issuer = await startDevIssuer({ clients: await issuerClients(plan, options.secrets, log), host });
      for (const r of [...plan.runtimes, ...plan.gateways]) r.config = withDiscoveryUrl(r.config, issuer.discoveryUrl);
    }
    const runtimes = new Map<string, RuntimeEntry>();
    await Promise.all(
      plan.runtimes.map(async (r) => {
        const codeDir = resolve(options.root, r.codeLocation);
        const agent = new AgentProcess({
          name: r.name,
          codeDir,
          entrypoint: r.entrypoint,
          envVars: r.envVars,
          host,
          log,
          startTimeoutMs: options.startTimeoutMs,
        });
        agents.push(agent);
        const entry: RuntimeEntry = {
          name: r.name,
          type: r.type,
          strategy: r.strategy,
          config: r.config,
          allowlist: r.allowlist,
          agent,
        };
        runtimes.set(r.name, entry);
        agent.onExit((exit) => {
          entry.down = `The agent process of ${r.name} exited (${describeExit(exit)}).`;
          log(
            `[dev] ${entry.down}${exit.lastLines.length ? ` Last lines:\n${exit.lastLines.map((l) => `    ${l}`).join('\n')}` : ''}`,
          );
          log(
            options.watch
              ? `[dev] ${r.name} restarts on the next change in ${codeDir}.`
              : `[dev] Fix it and restart agentcore dev (or use --watch).`,
          );
        });
        await agent.start();
        entry.down = undefined;
        if (options.watch) {
          watchers.push(
            watchCode(codeDir, (file) => {
              if (closing) return;
              log(`[dev] ${file} changed: restarting ${r.name}`);
              void agent
                .stop()
                .then(() => agent.start())
                .then(
                  () => {
                    entry.down = undefined;
                    log(`[dev] ${r.name} restarted`);
                  },
                  (err: Error) => {
                    entry.down = err.message;
                    log(`[dev] ${err.message}`);
                  },
                );
            }),
          );
        }
      }),
    );
    const gateways = new Map<string, GatewayEntry>();
    for (const g of plan.gateways) {
      gateways.set(g.name, {
        name: g.name,
        type: g.type,
        strategy: g.strategy,
        config: g.config,
        targets: await Promise.all(g.targets.map((t) => targetEntry(t, options.secrets, options.config.credentials))),
      });
    }
    const names = [...runtimes.keys()];
    const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const path = requestPath(req, url);
      if (path === undefined) return sendBadPath(req, res);
      const rt = /^\/runtimes\/([^/]+)\/invocations\/?$/.exec(path);
      if (rt?.[1] || path === '/invocations') {
        const name = rt?.[1]
          ? matchRuntime(decodeURIComponent(rt[1]), names)
          : names.length === 1
            ? names[0]
            : undefined;
        const entry = name ? runtimes.get(name) : undefined;
        if (entry) return runtimeHandler.handle(req, res, entry);
        req.resume();
        return sendJson(res, 404, {
          message: 'Resource not found',
          devReason: `No runtime matches ${path}. Runtimes here: ${names.join(', ') || '(none)'}.`,
        });
      }
      const gw = /^\/gateways\/([^/]+)\/mcp\/?$/.exec(path);
      const gateway = gw?.[1] ? gateways.get(decodeURIComponent(gw[1])) : undefined;
      if (gateway) return gatewayHandler.handle(req, res, gateway);
      req.resume();
      if (path === '/' && req.method === 'GET')
        return sendJson(res, 200, {
          runtimes: session.runtimes,
          gateways: session.gateways,
          issuerDiscoveryUrl: issuer?.discoveryUrl,
        });
      return sendJson(res, 403, {
        message: 'Missing Authentication Token',
        devReason: `Nothing is served at ${path}: use /runtimes/<name>/invocations or /gateways/<name>/mcp.`,
      });
    };
    server = createServer((req, res) => {
      route(req, res).catch((err: Error) => {
        log(`[dev] ${req.method} ${req.url}: ${err.message}`);
        sendJson(res, 500, { message: 'Internal server error', devReason: err.message });
      });
    });
    const port = await listen(server, options.port ?? 0, host);
    url = `http://${host}:${port}`;
    const session: DevSession = {
      url,
      runtimes: Object.fromEntries(names.map((n) => [n, `${url}/runtimes/${encodeURIComponent(n)}/invocations`])),
      gateways: Object.fromEntries(
        [...gateways.keys()].map((n) => [n, `${url}/gateways/${encodeURIComponent(n)}/mcp`]),
      ),
      issuer: issuer && {
        issuer: issuer.issuer,
        discoveryUrl: issuer.discoveryUrl,
        tokenEndpoint: issuer.tokenEndpoint,
        clientIds: issuer.clientIds,
      },
      skipped: plan.skipped,
      pids: () => agents.flatMap((a) => (a.pid !== undefined && a.running ? [a.pid] : [])),
      close,
    };
    if (options.sessionFile !== false) {
      session.sessionFile = await writeDevSession(options.root, {
        pid: process.pid,
        runtimeUrl: url,
        runtimes: session.runtimes,
        gatewayUrls: session.gateways,
        ...(issuer ? { issuerDiscoveryUrl: issuer.discoveryUrl } : {}),
        startedAt: new Date().toISOString(),
      });
      sessionWritten = true;
    }
    return session;
  } catch (err) {
    await close();
    throw err;
  }
}
