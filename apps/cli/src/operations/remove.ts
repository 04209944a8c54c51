/**
 * The one code path that removes an agent, gateway, gateway target or credential: plan (pure), refuse orphaning
 * references unless forced, then apply the plan under the project lock so agentcore.json and .env.local change together.
 */
import type { CredentialKinds } from '@agentcore/auth';
import { ConfigValidationError, type ProjectStore } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import {
  applyRemoval,
  planRemoval,
  type CredentialReference,
  type RemovalLookupFailure,
  type RemovalPlan,
  type RemovedEntry,
  type RemoveRequest,
} from './remove-plan.js';

const messages = loadMessages('remove');

export interface RemoveOptions {
  force?: boolean;
  dryRun?: boolean;
  /** The installed credential kinds (which `.env.local` keys a credential owns); the built-in ones by default. */
  kinds?: CredentialKinds;
}

export interface RemoveResult {
  kind: RemoveRequest['kind'];
  name: string;
  /** Config entries removed (or that would be, with --dry-run). */
  removed: RemovedEntry[];
  /** `.env.local` keys removed (names only). */
  envKeys: string[];
  /** References left dangling (with --force) or that would block (with --dry-run). */
  blockedBy: CredentialReference[];
  /** Managed credentials kept because another resource still uses them. */
  kept: CredentialReference[];
  dryRun: boolean;
  forced: boolean;
}

function notFoundError(f: RemovalLookupFailure): CliError {
  const where = f.gateway ? ` ${messages.get('error.NotFound.inGateway', { gateway: f.gateway })}` : '';
  if (f.ambiguousIn) {
    return new CliError(
      'ERR_INVALID_INPUT',
      messages.get('error.Ambiguous', { name: f.name, gateways: f.ambiguousIn.join(', ') }),
      {
        actions: [messages.get('error.Ambiguous.action', { gateway: f.ambiguousIn[0] ?? '' })],
        details: { kind: f.missing, name: f.name, gateways: f.ambiguousIn },
      },
    );
  }
  return new CliError('ERR_NOT_FOUND', messages.get('error.NotFound', { kind: f.missing, name: f.name, where }), {
    actions: [
      f.available.length > 0
        ? messages.get('error.NotFound.available', { names: f.available.join(', ') })
        : messages.get('error.NotFound.none', { kind: f.missing }),
    ],
    details: { kind: f.missing, name: f.name, ...(f.gateway ? { gateway: f.gateway } : {}), available: f.available },
  });
}

function inUseError(plan: RemovalPlan): CliError {
  const lines = plan.blockedBy.map(
    (b) => `  - ${messages.get(`reference.${b.reason}`, { credential: b.credential, by: b.by, path: b.path })}`,
  );
  return new CliError(
    'ERR_IN_USE',
    `${messages.get('error.InUse', { kind: plan.request.kind, name: plan.request.name })}\n${lines.join('\n')}`,
    {
      actions: [messages.get('error.InUse.action.fix'), messages.get('error.InUse.action.force')],
      details: { kind: plan.request.kind, name: plan.request.name, blockedBy: plan.blockedBy },
    },
  );
}

function toResult(plan: RemovalPlan, envKeys: string[], options: RemoveOptions): RemoveResult {
  return {
    kind: plan.request.kind,
    name: plan.request.name,
    removed: plan.removes,
    envKeys,
    blockedBy: plan.blockedBy,
    kept: plan.kept,
    dryRun: options.dryRun ?? false,
    forced: (options.force ?? false) && plan.blockedBy.length > 0,
  };
}

/** `--name` is missing: a usage error that lists the names the user can pick from. */
export async function missingNameError(store: ProjectStore, request: Omit<RemoveRequest, 'name'>): Promise<CliError> {
  const { config } = await store.load();
  const planned = planRemoval(config, { ...request, name: '' });
  const available = planned.ok ? [] : planned.failure.available;
  return new CliError('ERR_MISSING_FLAGS', messages.get('error.NameRequired', { kind: request.kind }), {
    actions: [
      available.length > 0
        ? messages.get('error.NameRequired.action', { names: available.join(', ') })
        : messages.get('error.NotFound.none', { kind: request.kind }),
    ],
    details: { missing: ['--name'], available },
  });
}

/** Compute the plan without changing anything (also what `--dry-run` returns). */
export async function previewRemoval(
  store: ProjectStore,
  request: RemoveRequest,
  options: RemoveOptions = {},
): Promise<RemoveResult> {
  const { config } = await store.load();
  const planned = planRemoval(config, request, options.kinds);
  if (!planned.ok) throw notFoundError(planned.failure);
  const present = new Set(await store.secrets.keys());
  return toResult(
    planned.plan,
    planned.plan.envKeys.filter((k) => present.has(k)),
    { ...options, dryRun: true },
  );
}

/** --force was given, but an installed strategy's rule requires what the references name: nothing was written. */
function forceRejectedError(plan: RemovalPlan, err: ConfigValidationError): CliError {
  return new CliError(
    'ERR_IN_USE',
    messages.get('error.ForceRejected', { kind: plan.request.kind, name: plan.request.name }),
    {
      actions: [messages.get('error.ForceRejected.action', { paths: plan.blockedBy.map((b) => b.by).join(', ') })],
      details: { kind: plan.request.kind, name: plan.request.name, blockedBy: plan.blockedBy, issues: err.issues },
      cause: err,
    },
  );
}

export async function removeResource(
  store: ProjectStore,
  request: RemoveRequest,
  options: RemoveOptions = {},
): Promise<RemoveResult> {
  if (options.dryRun) return previewRemoval(store, request, options);
  let forcedPlan: RemovalPlan | undefined;
  try {
    const { result } = await store.update(async (draft, ctx) => {
      const planned = planRemoval(draft, request, options.kinds);
      if (!planned.ok) throw notFoundError(planned.failure);
      const { plan } = planned;
      if (plan.blockedBy.length > 0 && !options.force) throw inUseError(plan);
      if (plan.blockedBy.length > 0) forcedPlan = plan;
      applyRemoval(draft, plan);
      const present = new Set(await store.secrets.keys());
      const envKeys = plan.envKeys.filter((k) => present.has(k));
      if (envKeys.length > 0) ctx.stageSecrets({ delete: envKeys });
      return toResult(plan, envKeys, options);
    });
    return result;
  } catch (err) {
    if (forcedPlan && err instanceof ConfigValidationError) throw forceRejectedError(forcedPlan, err);
    throw err;
  }
}

/** Human preview lines: one per config entry and one for the `.env.local` keys (names only). */
export function describeRemoval(result: RemoveResult): string[] {
  const lines = result.removed.map((r) =>
    messages.get(`preview.${r.kind}${r.why === 'requested' ? '' : `.${r.why}`}`, {
      name: r.name,
      gateway: r.gateway ?? '',
      path: r.path,
    }),
  );
  if (result.envKeys.length > 0) lines.push(messages.get('preview.envKeys', { keys: result.envKeys.join(', ') }));
  for (const k of result.kept) lines.push(messages.get('preview.kept', { credential: k.credential, by: k.by }));
  for (const b of result.blockedBy)
    lines.push(
      messages.get(result.dryRun ? 'preview.blocked' : 'preview.orphaned', {
        credential: b.credential,
        by: b.by,
        path: b.path,
      }),
    );
  return lines;
}
