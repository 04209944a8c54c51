/**
 * The strategy registry: the only place the core learns which auth types exist. The CLI fills it from the
 * `agentcore:strategies` hook of every installed plugin; libraries call `register` directly.
 */
import {
  createProjectModel,
  type ProjectModel,
  type ProjectModelOptions,
  type TargetType,
  type InboundResourceKind,
} from '@agentcore/schema';
import { AuthError } from './errors.js';
import { localOnlyError, registryMessages } from './local-only.js';
import { contractError, flagCollision } from './registry-errors.js';
import {
  STRATEGY_CONTRACT_VERSION,
  type AttachCommand,
  type InboundStrategy,
  type OutboundStrategy,
  type Strategy,
  type StrategyFlag,
} from './contract.js';
import { isCredentialKind, type CredentialKind } from './credential-kind.js';
import { CredentialKinds } from './registry-credentials.js';

export interface StrategySource {
  /** npm package that provides the strategy (e.g. `@agentcore/auth-apikey`). */
  packageName: string;
  version?: string;
}

export interface RegisteredStrategy {
  strategy: Strategy;
  source: StrategySource;
}

export interface RegistryOptions {
  /** Auth type → plugin package, for "install X" hints about types no installed plugin provides. */
  installHints?: Readonly<Record<string, string>>;
}

const TYPE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const CLI_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const FLAG_PATTERN = /^[a-z][a-z0-9-]*$/;
/** Flags owned by the core attach commands; strategies may not redefine them. */
export const CORE_ATTACH_FLAGS: ReadonlySet<string> = new Set([
  'name',
  'json',
  'help',
  'authorizer-type',
  'outbound-auth',
  'credential-name',
  'gateway',
  'type',
  'endpoint',
  'code-location',
  'entrypoint',
  'build',
  'runtime-version',
  'protocol',
  'template',
  'force',
  'schema',
  'rest-api-id',
  'stage',
  'lambda-arn',
  'tool-schema-file',
  'description',
]);

export const ATTACH_COMMANDS: Readonly<
  Record<AttachCommand, { direction: 'inbound' | 'outbound'; resource?: InboundResourceKind }>
> = {
  'add agent': { direction: 'inbound', resource: 'runtime' },
  'add gateway': { direction: 'inbound', resource: 'gateway' },
  'add gateway-target': { direction: 'outbound' },
};

export function normalizeStrategyName(value: string): string {
  return value.toLowerCase().replace(/[-_]/g, '');
}

/** `ERR_STRATEGY_INVALID`; `rule` is the `invalid.<rule>` entry of messages/registry.md saying what is wrong. */
function invalid(source: StrategySource, rule: string, values: Readonly<Record<string, string>> = {}): AuthError {
  const m = registryMessages();
  const message = m.get(`invalid.${rule}`, values);
  return new AuthError('ERR_STRATEGY_INVALID', m.get('error.StrategyInvalid', { ...source, message }), {
    actions: m.list('error.StrategyInvalid.actions', { packageName: source.packageName }),
    details: { packageName: source.packageName },
  });
}

export class StrategyRegistry {
  readonly #entries: RegisteredStrategy[] = [];
  readonly #installHints: Readonly<Record<string, string>>;
  #model: ProjectModel | undefined;
  /** Credential kinds: the built-in API-key and OAuth kinds, plus those plugins register. */
  readonly credentialKinds = new CredentialKinds();

  constructor(options: RegistryOptions = {}) {
    this.#installHints = options.installHints ?? {};
  }

  /**
   * Validate and add a strategy or a credential kind (a hook's list may hold both). Throws on a malformed entry, a
   * contract mismatch, a duplicate type or a flag collision.
   */
  register(strategy: Strategy | CredentialKind, source: StrategySource = { packageName: '(library)' }): this {
    if (isCredentialKind(strategy)) {
      this.credentialKinds.add(strategy, source);
      this.#model = undefined;
      return this;
    }
    validateShape(strategy, source);
    if (Math.trunc(strategy.contractVersion) !== STRATEGY_CONTRACT_VERSION) {
      throw contractError(source, strategy.contractVersion);
    }
    const clash = this.#entries.find(
      (e) =>
        e.strategy.direction === strategy.direction &&
        (e.strategy.type === strategy.type ||
          normalizeStrategyName(e.strategy.cliName) === normalizeStrategyName(strategy.cliName)),
    );
    if (clash) {
      const m = registryMessages();
      const values = { type: strategy.type, first: clash.source.packageName, packageName: source.packageName };
      throw new AuthError('ERR_STRATEGY_DUPLICATE', m.get('error.StrategyDuplicate', values), {
        actions: m.list('error.Duplicate.actions', values),
        details: { type: strategy.type, packages: [clash.source.packageName, source.packageName] },
      });
    }
    for (const flag of strategy.flags ?? []) {
      for (const cmd of attachCommandsOf(strategy)) {
        if (!(flag.commands ?? [cmd]).includes(cmd)) continue;
        const other = this.#entries.find(
          (e) =>
            attachCommandsOf(e.strategy).includes(cmd) && flagsFor(e.strategy, cmd).some((f) => f.name === flag.name),
        );
        if (other) {
          throw flagCollision(flag.name, cmd, other.source, source);
        }
      }
    }
    this.#entries.push({ strategy, source });
    this.#model = undefined;
    return this;
  }

  all(): readonly RegisteredStrategy[] {
    return this.#entries;
  }

  inbound(resource?: InboundResourceKind): InboundStrategy[] {
    return this.#entries.flatMap((e) =>
      e.strategy.direction === 'inbound' && (!resource || e.strategy.appliesTo.includes(resource)) ? [e.strategy] : [],
    );
  }

  outbound(targetType?: TargetType): OutboundStrategy[] {
    return this.#entries.flatMap((e) =>
      e.strategy.direction === 'outbound' && (!targetType || e.strategy.appliesTo.includes(targetType))
        ? [e.strategy]
        : [],
    );
  }

  /** Look up by stored type (`CUSTOM_JWT`) or CLI spelling (`custom-jwt`, `custom_jwt`), case-insensitively. */
  find(direction: 'inbound' | 'outbound', name: string): RegisteredStrategy | undefined {
    const n = normalizeStrategyName(name);
    return this.#entries.find(
      (e) =>
        e.strategy.direction === direction &&
        (normalizeStrategyName(e.strategy.type) === n || normalizeStrategyName(e.strategy.cliName) === n),
    );
  }

  sourceOf(strategy: Strategy): StrategySource | undefined {
    return this.#entries.find((e) => e.strategy === strategy)?.source;
  }

  /** The plugin to install for an auth type no installed strategy provides. */
  installHint(name: string): string | undefined {
    const n = normalizeStrategyName(name);
    return Object.entries(this.#installHints).find(([type]) => normalizeStrategyName(type) === n)?.[1];
  }

  /**
   * Throw `ERR_STRATEGY_LOCAL_ONLY` when `strategy` declares itself local-only: `synth`, `deploy` and anything else
   * that targets AWS call this before mapping a resource. `where` names the resource (e.g. `gateway target T`).
   */
  assertDeployable(strategy: Strategy, where?: string): void {
    if (!isLocalOnly(strategy)) return;
    const packageName = this.sourceOf(strategy)?.packageName ?? '(library)';
    const attach: AttachCommand = attachCommandsOf(strategy)[0] ?? 'add gateway-target';
    throw localOnlyError(strategy, packageName, attach, where);
  }

  /** Strategy flags for one attach command, grouped by strategy. */
  flagsFor(command: AttachCommand): { entry: RegisteredStrategy; flags: StrategyFlag[] }[] {
    return this.#entries.flatMap((entry) => {
      if (!attachCommandsOf(entry.strategy).includes(command)) return [];
      const flags = flagsFor(entry.strategy, command);
      return flags.length > 0 ? [{ entry, flags }] : [];
    });
  }

  /** Inputs for `createProjectModel`: variants, rules and install hints of everything registered. */
  modelOptions(): ProjectModelOptions {
    return {
      inbound: this.inbound().map((s) => ({ type: s.type, appliesTo: s.appliesTo, configSchema: s.configSchema })),
      outbound: this.outbound().map((s) => ({ type: s.type, appliesTo: s.appliesTo, fieldsSchema: s.fieldsSchema })),
      credentialKinds: this.credentialKinds.variants(),
      rules: [
        this.credentialKinds.rule(() => this.outbound()),
        ...this.#entries.flatMap((e) => e.strategy.rules ?? []),
      ],
      installHints: this.#installHints,
    };
  }

  /** The composed project model (cached until the next registration). */
  model(): ProjectModel {
    this.#model ??= createProjectModel(this.modelOptions());
    return this.#model;
  }
}

/** True when the strategy works only locally (see `localOnly` in the contract). */
export function isLocalOnly(strategy: Strategy): boolean {
  return strategy.localOnly !== undefined;
}

export function attachCommandsOf(strategy: Strategy): AttachCommand[] {
  if (strategy.direction === 'outbound') return ['add gateway-target'];
  return (Object.entries(ATTACH_COMMANDS) as [AttachCommand, (typeof ATTACH_COMMANDS)[AttachCommand]][])
    .filter(([, v]) => v.direction === 'inbound' && v.resource !== undefined && strategy.appliesTo.includes(v.resource))
    .map(([k]) => k);
}

function flagsFor(strategy: Strategy, command: AttachCommand): StrategyFlag[] {
  return (strategy.flags ?? []).filter((f) => !f.commands || f.commands.includes(command));
}

function validateShape(s: Strategy, source: StrategySource): void {
  if (typeof s !== 'object' || s === null) throw invalid(source, 'notObject');
  if (typeof s.type !== 'string' || !TYPE_PATTERN.test(s.type))
    throw invalid(source, 'type', { pattern: String(TYPE_PATTERN) });
  if (typeof s.cliName !== 'string' || !CLI_NAME_PATTERN.test(s.cliName))
    throw invalid(source, 'cliName', { pattern: String(CLI_NAME_PATTERN) });
  if (s.direction !== 'inbound' && s.direction !== 'outbound') throw invalid(source, 'direction');
  if (!Array.isArray(s.appliesTo) || s.appliesTo.length === 0) throw invalid(source, 'appliesTo');
  if (typeof s.summary !== 'string' || s.summary.length === 0) throw invalid(source, 'summary');
  if (typeof s.contractVersion !== 'number') throw invalid(source, 'contractVersion');
  if (typeof s.fromFlags !== 'function') throw invalid(source, 'fromFlags');
  if (s.direction === 'inbound' && typeof s.configSchema?.safeParse !== 'function')
    throw invalid(source, 'configSchema');
  if (s.direction === 'outbound' && typeof s.fieldsSchema?.safeParse !== 'function')
    throw invalid(source, 'fieldsSchema');
  if (['AWS_IAM', 'NONE', 'GATEWAY_IAM_ROLE'].includes(s.type)) throw invalid(source, 'builtIn', { type: s.type });
  if (s.localOnly !== undefined) {
    if (typeof s.localOnly !== 'object' || typeof s.localOnly.reason !== 'string' || s.localOnly.reason.trim() === '')
      throw invalid(source, 'localOnly');
    if (s.toCloudFormation !== undefined) throw invalid(source, 'localOnlyCloudFormation');
  }
  const names = new Set<string>();
  for (const f of s.flags ?? []) {
    if (!FLAG_PATTERN.test(f.name)) throw invalid(source, 'flagName', { flag: f.name });
    if (CORE_ATTACH_FLAGS.has(f.name)) throw invalid(source, 'flagCore', { flag: f.name });
    if (names.has(f.name)) throw invalid(source, 'flagTwice', { flag: f.name });
    if ('default' in f) throw invalid(source, 'flagDefault', { flag: f.name });
    names.add(f.name);
  }
}
