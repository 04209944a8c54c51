/**
 * Config reload of a running `agentcore dev`: when agentcore.json or `.env.local` changes, the project is loaded and
 * planned again. What the emulators read per request is applied in place (authorizer types and configurations,
 * allowed clients/audiences/scopes, request-header allowlists, gateway targets with their placement and
 * credentials, secrets), and every cached authorization decision is dropped. What needs new processes or listeners
 * (an added or removed agent or gateway, a changed code location, entrypoint or environment, a new dev-issuer
 * client) is named in a "restart needed" line. An edit that does not load or plan keeps the last good
 * configuration and prints why.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import { AgentcoreError, type ProjectConfig } from '@agentcore/schema';
import { flushDecisionCaches } from './decision-cache.js';
import type { DevIssuerClient } from './dev-issuer.js';
import { issuerClients, targetEntry, type SecretReader } from './entries.js';
import type { GatewayEntry } from './gateway-emulator.js';
import type { TargetEntry } from './outbound.js';
import { planDev, withDiscoveryUrl, type DevPlan, type RuntimePlan } from './plan.js';
import type { RuntimeEntry } from './runtime-emulator.js';
import { devMessages } from './messages.js';

export interface LiveEntries {
  /** The plan the session started with: what its processes and listeners were made from. */
  started: DevPlan;
  runtimes: ReadonlyMap<string, RuntimeEntry>;
  gateways: ReadonlyMap<string, GatewayEntry>;
}

export interface ReloadContext {
  /** Load and validate the project again (throws a coded error when it is not valid). */
  load: () => Promise<ProjectConfig>;
  registry: StrategyRegistry;
  secrets: SecretReader;
  planOptions: { runtimes?: readonly string[]; gateways?: boolean };
  /** With `--issuer`: where authorizers point for this session, and the clients the issuer was started with. */
  issuer?: { discoveryUrl: string; clients: readonly DevIssuerClient[] };
  /** The dev log (it redacts URLs). */
  log: (line: string) => void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function codeChanged(a: RuntimePlan, b: RuntimePlan): string | undefined {
  if (a.codeLocation !== b.codeLocation || a.entrypoint !== b.entrypoint)
    return `the code location or entrypoint of agent ${a.name} changed`;
  if (!sameJson(a.envVars, b.envVars)) return `the environment variables of agent ${a.name} changed`;
  return undefined;
}

/** Pure: why `after` cannot be applied to a session started from `before` without restarting it (empty: it can). */
export function restartReasons(before: DevPlan, after: DevPlan): string[] {
  const reasons: string[] = [];
  const was = new Map(before.runtimes.map((r) => [r.name, r]));
  const now = new Map(after.runtimes.map((r) => [r.name, r]));
  for (const r of after.runtimes) {
    const old = was.get(r.name);
    const why = old ? codeChanged(old, r) : `agent ${r.name} was added`;
    if (why) reasons.push(why);
  }
  for (const r of before.runtimes) if (!now.has(r.name)) reasons.push(`agent ${r.name} was removed`);
  const gwBefore = new Set(before.gateways.map((g) => g.name));
  const gwAfter = new Set(after.gateways.map((g) => g.name));
  for (const g of gwAfter) if (!gwBefore.has(g)) reasons.push(`gateway ${g} was added`);
  for (const g of gwBefore) if (!gwAfter.has(g)) reasons.push(`gateway ${g} was removed`);
  return reasons;
}

/** Pure: how the dev issuer's clients would differ if it started now (it cannot change them while it runs). */
export function issuerClientChanges(running: readonly DevIssuerClient[], wanted: readonly DevIssuerClient[]): string[] {
  const key = (c: DevIssuerClient) => JSON.stringify([c.clientSecret, [...c.scopes].sort(), c.audience ?? null]);
  return wanted.flatMap((c) => {
    const was = running.find((r) => r.clientId === c.clientId);
    if (!was) return [`the dev issuer has no client ${c.clientId} yet`];
    // Never name the secret: only that the client's settings (secret, scopes or audience) changed.
    return key(was) === key(c) ? [] : [`the dev issuer's client ${c.clientId} changed (secret, scopes or audience)`];
  });
}

function describeFailure(err: unknown): string {
  if (err instanceof AgentcoreError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

interface Prepared {
  plan: DevPlan;
  targets: Map<string, TargetEntry[]>;
  reasons: string[];
}

/** Everything that can fail (load, validate, plan, read secrets) before anything is applied. */
async function prepare(live: LiveEntries, ctx: ReloadContext): Promise<Prepared> {
  const config = await ctx.load();
  const plan = planDev(config, ctx.registry, ctx.planOptions);
  const issuer = ctx.issuer;
  if (issuer)
    for (const r of [...plan.runtimes, ...plan.gateways]) r.config = withDiscoveryUrl(r.config, issuer.discoveryUrl);
  const reasons = restartReasons(live.started, plan);
  const targets = new Map(
    await Promise.all(
      plan.gateways
        .filter((g) => live.gateways.has(g.name))
        .map(
          async (g) =>
            [g.name, await Promise.all(g.targets.map((t) => targetEntry(t, ctx.secrets, config.credentials)))] as const,
        ),
    ),
  );
  if (issuer)
    reasons.push(...issuerClientChanges(issuer.clients, await issuerClients(plan, ctx.secrets, () => undefined)));
  return { plan, targets, reasons };
}

/** Load, plan and apply once; `changed` names the file that triggered it (for the log line). */
export async function reloadConfig(live: LiveEntries, ctx: ReloadContext, changed: string): Promise<void> {
  let prepared: Prepared;
  try {
    prepared = await prepare(live, ctx);
  } catch (err) {
    ctx.log(devMessages().get('log.ReloadKept', { changed, reason: describeFailure(err) }));
    return;
  }
  const { plan, targets, reasons } = prepared;
  // Nothing awaits from here on: requests see either the old entries or the new ones, never a mix.
  for (const r of plan.runtimes) {
    const entry = live.runtimes.get(r.name);
    if (!entry) continue;
    Object.assign(entry, { type: r.type, strategy: r.strategy, config: r.config, allowlist: r.allowlist });
  }
  for (const g of plan.gateways) {
    const entry = live.gateways.get(g.name);
    if (!entry) continue;
    Object.assign(entry, { type: g.type, strategy: g.strategy, config: g.config, targets: targets.get(g.name) ?? [] });
  }
  flushDecisionCaches();
  ctx.log(devMessages().get('log.Reloaded', { changed }));
  if (reasons.length > 0) ctx.log(devMessages().get('log.RestartToApply', { reasons: reasons.join('; ') }));
}
