/**
 * The credential kinds of a registry: the built-in API-key and OAuth kinds plus those plugins contribute through
 * the `agentcore:strategies` hook. `add credential`, `remove credential`, `status`, `dev`, `invoke` and `deploy`
 * ask it which kinds exist, which flags and `.env.local` variables a kind has, and how a kind maps to AgentCore.
 */
import { credentialEnvName, type Credential, type CredentialKindVariant, type ProjectRule } from '@agentcore/schema';
import { AuthError } from './errors.js';
import { STRATEGY_CONTRACT_VERSION, type OutboundStrategy, type StrategyFlag } from './contract.js';
import type { CredentialKind } from './credential-kind.js';
import { apiKeyCredentialKind } from './credential-kinds/api-key.js';
import { oauthCredentialKind } from './credential-kinds/oauth.js';
import { kindMessages } from './credential-kinds/messages.js';
import { registryMessages } from './local-only.js';
import { contractError, flagCollision } from './registry-errors.js';

export interface CredentialKindSource {
  packageName: string;
  version?: string;
}

export interface RegisteredCredentialKind {
  kind: CredentialKind;
  source: CredentialKindSource;
}

/** Flags `add credential` owns; kinds may not redefine them. */
export const CORE_CREDENTIAL_FLAGS: ReadonlySet<string> = new Set(['name', 'type', 'force', 'json', 'help']);
/** The command whose flags the kinds declare. */
const ADD_CREDENTIAL = 'add credential';
/** The package that declares the built-in kinds (always present, whatever plugins are installed). */
export const BUILTIN_CREDENTIAL_SOURCE: CredentialKindSource = { packageName: '@agentcore/auth' };

const AUTHORIZER_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
const CLI_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const FLAG_PATTERN = /^[a-z][a-z0-9-]*$/;
const SUFFIX_PATTERN = /^(|_[A-Z][A-Z0-9_]*)$/;

const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

/** `ERR_STRATEGY_INVALID`; `rule` is the `invalid.<rule>` entry of messages/registry.md saying what is wrong. */
function invalid(source: CredentialKindSource, rule: string, values: Readonly<Record<string, string>> = {}): AuthError {
  const message = registryMessages().get(`invalid.${rule}`, values);
  return new AuthError('ERR_STRATEGY_INVALID', kindMessages().get('invalid.kind', { ...source, message }), {
    actions: registryMessages().list('error.StrategyInvalid.actions', { packageName: source.packageName }),
    details: { packageName: source.packageName },
  });
}

function validateKind(k: CredentialKind, source: CredentialKindSource): void {
  if (!AUTHORIZER_TYPE_PATTERN.test(k.authorizerType))
    throw invalid(source, 'authorizerType', { pattern: String(AUTHORIZER_TYPE_PATTERN) });
  if (typeof k.cliName !== 'string' || !CLI_NAME_PATTERN.test(k.cliName))
    throw invalid(source, 'cliName', { pattern: String(CLI_NAME_PATTERN) });
  if (typeof k.summary !== 'string' || k.summary === '') throw invalid(source, 'summary');
  if (typeof k.fromFlags !== 'function') throw invalid(source, 'fromFlags');
  if (typeof k.fieldsSchema?.safeParse !== 'function') throw invalid(source, 'fieldsSchema');
  if (!Array.isArray(k.secretFields) || k.secretFields.length === 0) throw invalid(source, 'secretFields');
  if (!Array.isArray(k.flags)) throw invalid(source, 'flags');
  const flags = new Set<string>();
  for (const f of k.flags) {
    if (!FLAG_PATTERN.test(f.name)) throw invalid(source, 'flagName', { flag: f.name });
    if (CORE_CREDENTIAL_FLAGS.has(f.name)) throw invalid(source, 'flagCore', { flag: f.name });
    if (flags.has(f.name)) throw invalid(source, 'flagTwice', { flag: f.name });
    flags.add(f.name);
  }
  const suffixes = new Set<string>();
  for (const s of k.secretFields) {
    if (!flags.has(s.flag)) throw invalid(source, 'secretFieldFlag', { flag: s.flag });
    if (!SUFFIX_PATTERN.test(s.envSuffix))
      throw invalid(source, 'envSuffix', { suffix: s.envSuffix, pattern: String(SUFFIX_PATTERN) });
    if (suffixes.has(s.envSuffix)) throw invalid(source, 'envSuffixTwice', { suffix: s.envSuffix });
    suffixes.add(s.envSuffix);
  }
  if (k.localOnly !== undefined) {
    if (typeof k.localOnly.reason !== 'string' || k.localOnly.reason.trim() === '') throw invalid(source, 'localOnly');
    if (k.identityProvider !== undefined) throw invalid(source, 'localOnlyIdentityProvider');
  }
}

export class CredentialKinds {
  readonly #entries: RegisteredCredentialKind[] = [];

  constructor(builtins = true) {
    if (builtins)
      for (const kind of [apiKeyCredentialKind(), oauthCredentialKind()]) this.add(kind, BUILTIN_CREDENTIAL_SOURCE);
  }

  add(kind: CredentialKind, source: CredentialKindSource): void {
    validateKind(kind, source);
    if (Math.trunc(kind.contractVersion) !== STRATEGY_CONTRACT_VERSION) {
      throw contractError(source, kind.contractVersion);
    }
    const clash = this.#entries.find(
      (e) => e.kind.authorizerType === kind.authorizerType || norm(e.kind.cliName) === norm(kind.cliName),
    );
    if (clash) {
      const m = registryMessages();
      const values = { type: kind.authorizerType, first: clash.source.packageName, packageName: source.packageName };
      throw new AuthError('ERR_STRATEGY_DUPLICATE', m.get('error.KindDuplicate', values), {
        actions: m.list('error.Duplicate.actions', values),
        details: { type: kind.authorizerType, packages: [clash.source.packageName, source.packageName] },
      });
    }
    for (const flag of kind.flags) {
      const other = this.#entries.find((e) => e.kind.flags.some((f) => f.name === flag.name));
      if (other) {
        throw flagCollision(flag.name, ADD_CREDENTIAL, other.source, source);
      }
    }
    this.#entries.push({ kind, source });
  }

  all(): readonly RegisteredCredentialKind[] {
    return this.#entries;
  }

  /** By `--type` spelling or stored `authorizerType`, case- and `_`/`-`-insensitively. */
  find(name: string): RegisteredCredentialKind | undefined {
    const n = norm(name);
    return this.#entries.find((e) => norm(e.kind.cliName) === n || norm(e.kind.authorizerType) === n);
  }

  /** The kind of a stored credential (exact `authorizerType`). */
  of(credential: Pick<Credential, 'authorizerType'>): RegisteredCredentialKind | undefined {
    return this.#entries.find((e) => e.kind.authorizerType === credential.authorizerType);
  }

  /** Every flag the kinds add to `add credential`, with the kind that declares it. */
  flags(): { entry: RegisteredCredentialKind; flag: StrategyFlag }[] {
    return this.#entries.flatMap((entry) => entry.kind.flags.map((flag) => ({ entry, flag })));
  }

  /** `.env.local` variables of a credential, by secret-field flag (empty for a kind no installed plugin provides). */
  envNames(credential: Pick<Credential, 'name' | 'authorizerType'>): Record<string, string> {
    const kind = this.of(credential)?.kind;
    return Object.fromEntries(
      (kind?.secretFields ?? []).map((f) => [f.flag, credentialEnvName(credential.name, f.envSuffix)]),
    );
  }

  /** Schema inputs: one variant per kind. */
  variants(): CredentialKindVariant[] {
    return this.#entries.map(({ kind }) => ({
      authorizerType: kind.authorizerType,
      fieldsSchema: kind.fieldsSchema,
      ...(kind.nameSchema ? { nameSchema: kind.nameSchema } : {}),
    }));
  }

  /**
   * The one rule behind every outbound strategy's `credentialKind`: target T's `credentialName` names an existing
   * credential of that kind.
   */
  rule(outbound: () => readonly OutboundStrategy[]): ProjectRule {
    return (config, report) => {
      const expected = new Map(outbound().flatMap((s) => (s.credentialKind ? [[s.type, s.credentialKind]] : [])));
      config.agentCoreGateways.forEach((gateway, gi) =>
        gateway.targets.forEach((target, ti) => {
          const auth = target.outboundAuth;
          const kind = auth?.type ? expected.get(auth.type) : undefined;
          if (!auth?.type || !kind || typeof auth.credentialName !== 'string') return;
          const name = auth.credentialName;
          const path = `agentCoreGateways.${gi}.targets.${ti}.outboundAuth.credentialName`;
          const found = config.credentials.find((c) => c.name === name);
          if (found?.authorizerType === kind) return;
          report({ path, ...this.problem(auth.type, name, kind, found?.authorizerType) });
        }),
      );
    };
  }

  /** The message and action for a target whose credential is missing or of another kind. */
  problem(
    type: string,
    name: string,
    expected: string,
    actual: string | undefined,
  ): { message: string; action: string } {
    const m = kindMessages();
    const kind = this.find(expected)?.kind;
    const secretFlags = (kind?.flags ?? [])
      .filter((f) => f.secret)
      .map((f) => ` --${f.name} -`)
      .join('');
    const more = (kind?.flags ?? []).some((f) => !f.secret) ? ' …' : '';
    const action = m.get('rule.credential.action', {
      cliName: kind?.cliName ?? expected,
      name,
      secretFlags: secretFlags + more,
    });
    const message = actual
      ? m.get('rule.credentialWrongKind', { type, name, kind: actual, expected })
      : m.get('rule.credentialMissing', { type, name });
    return { message, action };
  }

  /** `ERR_CREDENTIAL_LOCAL_ONLY` for a credential whose kind works only with `agentcore dev`. */
  assertDeployable(credential: Pick<Credential, 'name' | 'authorizerType'>): void {
    const entry = this.of(credential);
    if (!entry?.kind.localOnly) return;
    const m = kindMessages();
    const values = {
      name: credential.name,
      kind: entry.kind.cliName,
      packageName: entry.source.packageName,
      reason: entry.kind.localOnly.reason,
    };
    throw new AuthError('ERR_CREDENTIAL_LOCAL_ONLY', m.get('error.CredentialLocalOnly', values), {
      actions: m.list('error.CredentialLocalOnly.actions', values),
      details: { credential: credential.name, kind: entry.kind.authorizerType, packageName: values.packageName },
    });
  }
}
