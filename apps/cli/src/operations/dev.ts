/**
 * `agentcore dev`: opens the project, starts the local emulators (@agentcore/dev) and describes what runs.
 * The config is never rewritten: `--issuer` points authorizers at the dev issuer in memory only.
 */
import type { Interfaces } from '@oclif/core';
import type { DevSession } from '@agentcore/dev';
import { openProject } from '../shared/project.js';

export interface DevRunOptions {
  runtimes?: readonly string[];
  port?: number;
  issuer?: boolean;
  watch?: boolean;
  gateways?: boolean;
  startTimeoutMs?: number;
  /** Agent output and emulator notes. */
  log: (line: string) => void;
}

export interface DevResourceSummary {
  name: string;
  authorizerType: string;
  url: string;
}

export interface DevResult {
  url: string;
  runtimes: DevResourceSummary[];
  gateways: (DevResourceSummary & { targets: string[] })[];
  notEmulated: { name: string; gateway?: string; reason: string }[];
  issuerDiscoveryUrl?: string;
  issuerClients?: readonly string[];
  sessionFile?: string;
  pid: number;
}

export async function startDevSession(
  config: Interfaces.Config,
  options: DevRunOptions,
): Promise<{ session: DevSession; result: DevResult; warnings: string[] }> {
  const { store, registry, warnings } = await openProject(config);
  const parsed = await store.load();
  const { startDev } = await import('@agentcore/dev');
  const session = await startDev({
    root: store.paths.root,
    config: parsed.config,
    registry,
    secrets: store.secrets,
    runtimes: options.runtimes,
    port: options.port,
    issuer: options.issuer,
    watch: options.watch,
    gateways: options.gateways,
    startTimeoutMs: options.startTimeoutMs,
    log: options.log,
    // agentcore.json and .env.local are watched; each edit is validated like any command's load, then applied.
    reload: async () => (await store.load()).config,
  });
  const result: DevResult = {
    url: session.url,
    runtimes: parsed.config.runtimes.flatMap((r) => {
      const url = session.runtimes[r.name];
      return url ? [{ name: r.name, authorizerType: r.authorizerType ?? 'AWS_IAM', url }] : [];
    }),
    gateways: parsed.config.agentCoreGateways.flatMap((g) => {
      const url = session.gateways[g.name];
      const skipped = new Set(session.skipped.filter((s) => s.gateway === g.name).map((s) => s.name));
      return url
        ? [
            {
              name: g.name,
              authorizerType: g.authorizerType ?? 'NONE',
              url,
              targets: g.targets.map((t) => t.name).filter((n) => !skipped.has(n)),
            },
          ]
        : [];
    }),
    notEmulated: session.skipped.map((s) => ({
      name: s.name,
      ...(s.gateway ? { gateway: s.gateway } : {}),
      reason: s.reason,
    })),
    ...(session.issuer
      ? { issuerDiscoveryUrl: session.issuer.discoveryUrl, issuerClients: session.issuer.clientIds }
      : {}),
    ...(session.sessionFile ? { sessionFile: session.sessionFile } : {}),
    pid: process.pid,
  };
  return { session, result, warnings: [...warnings, ...parsed.warnings] };
}
