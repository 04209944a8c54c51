/**
 * Pure planning for `agentcore remove …`: config in, plan out. The plan names every config entry and `.env.local`
 * key (by name) that would go, and every reference that blocks the removal. Applying it is a separate, pure step
 * ({@link applyRemoval}) that the operation runs on the draft under the project lock.
 */
import { CredentialKinds } from '@agentcore/auth';
import { managedCredentialName, type Credential, type ProjectConfig } from '@agentcore/schema';

export type RemoveKind = 'agent' | 'gateway' | 'gateway-target' | 'credential';

export interface RemoveRequest {
  kind: RemoveKind;
  name: string;
  /** Gateway of a target (optional when the target name is unique across gateways). */
  gateway?: string;
}

export interface RemovedEntry {
  kind: 'runtime' | 'gateway' | 'gateway-target' | 'credential';
  name: string;
  /** For targets. */
  gateway?: string;
  /** Dotted path in agentcore.json before the removal. */
  path: string;
  /** requested: named on the command line; contained: a target of a removed gateway; managed: the resource's managed inbound credential. */
  why: 'requested' | 'contained' | 'managed';
}

/** A reference to a credential from config that stays (a target's `outboundAuth.credentialName`, or a resource owning a managed credential). */
export interface CredentialReference {
  credential: string;
  reason: 'referenced' | 'managed';
  /** Human label of the referencing resource, e.g. `gateway gw target t1`. */
  by: string;
  path: string;
}

export interface RemovalPlan {
  request: RemoveRequest;
  removes: RemovedEntry[];
  /** `.env.local` keys of the removed credentials (names only; the operation keeps those present in the file). */
  envKeys: string[];
  /** References the removal would orphan; non-empty means refused unless forced. */
  blockedBy: CredentialReference[];
  /** Managed credentials kept because another resource still uses them. */
  kept: CredentialReference[];
}

/** What `planRemoval` could not find: the kind, the name, and the names that exist. */
export interface RemovalLookupFailure {
  missing: 'agent' | 'gateway' | 'gateway-target' | 'credential';
  name: string;
  gateway?: string;
  available: string[];
  /** A target name present in several gateways: `--gateway` must pick one. */
  ambiguousIn?: string[];
}

export type PlanRemovalResult = { ok: true; plan: RemovalPlan } | { ok: false; failure: RemovalLookupFailure };

let builtinKinds: CredentialKinds | undefined;

/** The built-in credential kinds, for callers without a loaded registry (the kinds are the same for them). */
export function defaultCredentialKinds(): CredentialKinds {
  builtinKinds ??= new CredentialKinds();
  return builtinKinds;
}

/** `.env.local` keys a credential owns: one per secret field its kind declares. */
export function credentialEnvKeys(
  credential: Pick<Credential, 'name' | 'authorizerType'>,
  kinds: CredentialKinds = defaultCredentialKinds(),
): string[] {
  return Object.values(kinds.envNames(credential));
}

function collectCredentialNames(value: unknown, path: string, out: { name: string; path: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectCredentialNames(v, `${path}.${i}`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'credentialName' && typeof v === 'string') out.push({ name: v, path: `${path}.${k}` });
      else collectCredentialNames(v, `${path}.${k}`, out);
    }
  }
}

/**
 * Every credential reference in the config: any `credentialName` field inside a runtime, gateway or target (so
 * strategies' own blocks count too), and the managed inbound credential each runtime and gateway owns.
 * `skip(path)` leaves out the resources being removed.
 */
export function findCredentialReferences(
  config: ProjectConfig,
  skip: (path: string) => boolean = () => false,
): CredentialReference[] {
  const refs: CredentialReference[] = [];
  const managed = new Set(config.credentials.filter((c) => c.managed === true).map((c) => c.name));
  const scan = (value: unknown, path: string, by: string) => {
    const found: { name: string; path: string }[] = [];
    collectCredentialNames(value, path, found);
    for (const f of found) refs.push({ credential: f.name, reason: 'referenced', by, path: f.path });
  };
  config.runtimes.forEach((r, i) => {
    const path = `runtimes.${i}`;
    if (skip(path)) return;
    const { name: _name, ...rest } = r;
    scan(rest, path, `agent ${r.name}`);
    const owned = managedCredentialName(r.name);
    if (managed.has(owned))
      refs.push({ credential: owned, reason: 'managed', by: `agent ${r.name}`, path: `${path}.name` });
  });
  config.agentCoreGateways.forEach((g, gi) => {
    const path = `agentCoreGateways.${gi}`;
    if (skip(path)) return;
    const { targets, name: _name, ...rest } = g;
    scan(rest, path, `gateway ${g.name}`);
    const owned = managedCredentialName(g.name);
    if (managed.has(owned))
      refs.push({ credential: owned, reason: 'managed', by: `gateway ${g.name}`, path: `${path}.name` });
    targets.forEach((t, ti) => {
      const tp = `${path}.targets.${ti}`;
      if (!skip(tp)) scan(t, tp, `gateway ${g.name} target ${t.name}`);
    });
  });
  return refs;
}

const under = (prefixes: readonly string[]) => (path: string) =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/** The managed credential of a removed runtime/gateway goes too, unless something that stays still uses it. */
function planManagedCredential(
  config: ProjectConfig,
  owner: string,
  removedPaths: readonly string[],
  plan: RemovalPlan,
): void {
  const name = managedCredentialName(owner);
  const index = config.credentials.findIndex((c) => c.name === name);
  const credential = config.credentials[index];
  if (credential?.managed !== true) return;
  const users = findCredentialReferences(config, under(removedPaths)).filter((r) => r.credential === name);
  if (users.length > 0) {
    plan.kept.push(...users);
    return;
  }
  plan.removes.push({ kind: 'credential', name, path: `credentials.${index}`, why: 'managed' });
  plan.envKeys.push(...credentialEnvKeys(credential));
}

function planTarget(config: ProjectConfig, request: RemoveRequest, plan: RemovalPlan): PlanRemovalResult {
  const gateways = config.agentCoreGateways
    .map((g, gi) => ({ g, gi }))
    .filter(({ g }) => request.gateway === undefined || g.name === request.gateway);
  if (request.gateway !== undefined && gateways.length === 0) {
    return {
      ok: false,
      failure: { missing: 'gateway', name: request.gateway, available: config.agentCoreGateways.map((g) => g.name) },
    };
  }
  const hits = gateways.flatMap(({ g, gi }) =>
    g.targets.flatMap((t, ti) => (t.name === request.name ? [{ g, gi, ti }] : [])),
  );
  const available = gateways.flatMap(({ g }) =>
    g.targets.map((t) => (request.gateway === undefined ? `${g.name}/${t.name}` : t.name)),
  );
  const hit = hits[0];
  if (!hit)
    return {
      ok: false,
      failure: {
        missing: 'gateway-target',
        name: request.name,
        ...(request.gateway ? { gateway: request.gateway } : {}),
        available,
      },
    };
  if (hits.length > 1)
    return {
      ok: false,
      failure: { missing: 'gateway-target', name: request.name, available, ambiguousIn: hits.map((h) => h.g.name) },
    };
  plan.removes.push({
    kind: 'gateway-target',
    name: request.name,
    gateway: hit.g.name,
    path: `agentCoreGateways.${hit.gi}.targets.${hit.ti}`,
    why: 'requested',
  });
  return { ok: true, plan };
}

/** Decide what `remove <kind> --name X` takes away and what would block it. */
export function planRemoval(
  config: ProjectConfig,
  request: RemoveRequest,
  kinds: CredentialKinds = defaultCredentialKinds(),
): PlanRemovalResult {
  const plan: RemovalPlan = { request, removes: [], envKeys: [], blockedBy: [], kept: [] };
  switch (request.kind) {
    case 'agent': {
      const i = config.runtimes.findIndex((r) => r.name === request.name);
      if (i < 0)
        return {
          ok: false,
          failure: { missing: 'agent', name: request.name, available: config.runtimes.map((r) => r.name) },
        };
      plan.removes.push({ kind: 'runtime', name: request.name, path: `runtimes.${i}`, why: 'requested' });
      planManagedCredential(config, request.name, [`runtimes.${i}`], plan);
      return { ok: true, plan };
    }
    case 'gateway': {
      const i = config.agentCoreGateways.findIndex((g) => g.name === request.name);
      const gateway = config.agentCoreGateways[i];
      if (!gateway)
        return {
          ok: false,
          failure: { missing: 'gateway', name: request.name, available: config.agentCoreGateways.map((g) => g.name) },
        };
      plan.removes.push({ kind: 'gateway', name: request.name, path: `agentCoreGateways.${i}`, why: 'requested' });
      gateway.targets.forEach((t, ti) =>
        plan.removes.push({
          kind: 'gateway-target',
          name: t.name,
          gateway: gateway.name,
          path: `agentCoreGateways.${i}.targets.${ti}`,
          why: 'contained',
        }),
      );
      planManagedCredential(config, request.name, [`agentCoreGateways.${i}`], plan);
      return { ok: true, plan };
    }
    case 'gateway-target':
      return planTarget(config, request, plan);
    case 'credential': {
      const i = config.credentials.findIndex((c) => c.name === request.name);
      const credential = config.credentials[i];
      if (!credential)
        return {
          ok: false,
          failure: { missing: 'credential', name: request.name, available: config.credentials.map((c) => c.name) },
        };
      plan.removes.push({ kind: 'credential', name: request.name, path: `credentials.${i}`, why: 'requested' });
      plan.envKeys.push(...credentialEnvKeys(credential, kinds));
      plan.blockedBy.push(...findCredentialReferences(config).filter((r) => r.credential === request.name));
      return { ok: true, plan };
    }
  }
}

/** Apply a plan to a draft config (pure apart from mutating the draft it is given). */
export function applyRemoval(draft: ProjectConfig, plan: RemovalPlan): void {
  const names = (kind: RemovedEntry['kind']) => new Set(plan.removes.filter((r) => r.kind === kind).map((r) => r.name));
  const runtimes = names('runtime');
  const gateways = names('gateway');
  const credentials = names('credential');
  const targets = plan.removes.filter((r) => r.kind === 'gateway-target' && r.why === 'requested');
  draft.runtimes = draft.runtimes.filter((r) => !runtimes.has(r.name));
  draft.agentCoreGateways = draft.agentCoreGateways.filter((g) => !gateways.has(g.name));
  for (const g of draft.agentCoreGateways) {
    const drop = new Set(targets.filter((t) => t.gateway === g.name).map((t) => t.name));
    if (drop.size > 0) g.targets = g.targets.filter((t) => !drop.has(t.name));
  }
  draft.credentials = draft.credentials.filter((c) => !credentials.has(c.name));
}
