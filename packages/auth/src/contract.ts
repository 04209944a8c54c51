/**
 * The auth-strategy contract. A strategy is a plain object; the registry validates it when registered.
 * Everything that differs between auth strategies lives in one such object, shipped by one plugin package.
 * Heavy dependencies (jose, ink, SDKs) must be imported inside the functions that need them, never at module top.
 */
import type {
  AnyZodObject,
  AnyZodSchema,
  Credential,
  InboundResourceKind,
  ProjectConfig,
  ProjectRule,
  TargetType,
} from '@agentcore/schema';
import type { CredentialKind } from './credential-kind.js';

/** Bumped on breaking changes to this file. A strategy built for another major is refused with both versions named. */
export const STRATEGY_CONTRACT_VERSION = 1;

export type StrategyDirection = 'inbound' | 'outbound';
export type AttachCommand = 'add agent' | 'add gateway' | 'add gateway-target';

/** A flag a strategy adds to the commands that attach it. No defaults: an unselected strategy must not leak values. */
export interface StrategyFlag {
  /** kebab-case, without dashes: `discovery-url`. */
  name: string;
  kind: 'string' | 'boolean';
  /** Repeatable; string values are also split on commas. */
  multiple?: boolean;
  /** Allowed values, matched case-insensitively. */
  options?: readonly string[];
  summary: string;
  /** The value is a secret: `-` reads it from stdin, `env` names a variable to read it from, and a literal value warns about shell history. */
  secret?: boolean;
  env?: string;
  /** Restrict to some of the commands the strategy attaches to. */
  commands?: readonly AttachCommand[];
}

/** Parsed values of a strategy's flags (plus the core's selector flags such as `credential-name`). */
export type FlagValues = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

export interface FlagContext {
  command: AttachCommand;
  /** Name of the runtime, gateway or target being added. */
  resourceName: string;
  /** For `add gateway-target`. */
  targetType?: TargetType;
  /** The project as it is now (read-only). */
  project: Readonly<ProjectConfig>;
}

/** One user-facing problem with the input, pointing at the flag that caused it. */
export interface InputProblem {
  flag?: string;
  message: string;
  action?: string;
}

/** A credential the strategy wants created, with the `.env.local` values to store for it. */
export interface CredentialPlan {
  credential: Credential;
  /** env key → value; keys come from `credentialEnvName(name, suffix)` of @agentcore/schema, with the kind's suffixes. */
  secrets: Readonly<Record<string, string>>;
  /** What to do when a credential of that name already exists. */
  onExisting: 'reuse' | 'error';
}

export type FromFlagsResult<C> =
  | { ok: true; config: C; credentials?: readonly CredentialPlan[]; warnings?: readonly string[] }
  | { ok: false; problems: readonly InputProblem[] };

/** One claim rule as the wizard's claims manager edits it; `values` holds one value, or several for list operators. */
export interface ClaimRuleDraft {
  name: string;
  valueType: string;
  operator: string;
  values: readonly string[];
}

/** What a `claims` prompt needs besides `validate`: the choices, the field checks and the flag encoding, all the strategy's. */
export interface ClaimsPromptSpec {
  labels: { name: string; valueType: string; operator: string; value: string; values: string };
  valueTypes: readonly { value: string; label: string }[];
  /** Only the operators valid for this value type. */
  operators(valueType: string): readonly { value: string; label: string }[];
  /** True when the operator compares with a list of values (asked comma-separated). */
  listOperator(operator: string): boolean;
  /** Field-level check of a claim name or one match value (the schema's field validator). */
  validateField(field: 'name' | 'value', value: string): string | undefined;
  /** Rules → the flag value (as the command line takes it); and back, to edit an earlier answer. */
  encode(rules: readonly ClaimRuleDraft[]): string;
  decode(value: string): readonly ClaimRuleDraft[];
}

/** A question the interactive wizard asks; its answer becomes the value of `flag`, then `fromFlags` runs as usual. */
export interface StrategyPrompt {
  flag: string;
  /**
   * The question alone (from the plugin's message bundle). The wizard itself marks an `optional` step "(optional)" in
   * its header and shows the default (`initial`: a text step's hint, the option a select starts on), so the message
   * carries neither an "(optional)" marker nor "(skip = …)" default text.
   */
  message: string;
  /** `claims`: a list of claim rules with add / edit / delete, described by `claims`; its answer is `claims.encode(rules)`. */
  kind: 'text' | 'secret' | 'select' | 'list' | 'confirm' | 'json' | 'claims';
  claims?: ClaimsPromptSpec;
  options?: readonly { value: string; label: string }[];
  optional?: boolean;
  initial?: string;
  /** Field-level check (call the schema's field validator); return a message to reject the answer. */
  validate?: (value: string) => string | undefined;
  /** Ask only when this returns true for the answers so far. */
  when?: (answers: FlagValues) => boolean;
}

/** Values a strategy may attach to telemetry: booleans, small enums and counts only. */
export type SafeAttributeValue = boolean | number | string;
export type SafeAttributes = Readonly<Record<string, SafeAttributeValue>>;

interface StrategyBase<C> {
  /** Stored in the config (`authorizerType` or `outboundAuth.type`): upper snake case, e.g. `CUSTOM_JWT`. */
  type: string;
  /** CLI spelling, kebab case, e.g. `custom-jwt`. Matching is case-insensitive and `_`/`-` insensitive. */
  cliName: string;
  summary: string;
  contractVersion: number;
  /** Flags added to the attaching commands. */
  flags?: readonly StrategyFlag[];
  fromFlags(flags: FlagValues, ctx: FlagContext): FromFlagsResult<C>;
  /** Wizard questions; answers are fed to `fromFlags` (one code path for flags and wizard). */
  prompts?(ctx: FlagContext): readonly StrategyPrompt[];
  /** Cross-field rules (e.g. referenced credential exists). */
  rules?: readonly ProjectRule[];
  /** One line for `agentcore status` (no secrets). */
  describe?(config: C): string;
  /** Telemetry attributes derived from the config (never names, URLs or secrets). */
  telemetry?(config: C | undefined): SafeAttributes;
  /**
   * Set when the strategy works only with `agentcore dev` and has no AgentCore counterpart (e.g. a scheme the gateway
   * cannot send): `synth` and `deploy` refuse it, quoting `reason`. Such a strategy has no `toCloudFormation`.
   */
  localOnly?: { reason: string };
}

/** Inbound: validates callers of a runtime or gateway. `C` is the `authorizerConfiguration` block. */
export interface InboundStrategy<C = unknown> extends StrategyBase<C> {
  direction: 'inbound';
  appliesTo: readonly InboundResourceKind[];
  /** Schema of the config block: classic `zod` or `zod/mini` (zod 4), e.g. `z.strictObject({...})`. */
  configSchema: AnyZodSchema<C>;
  /** CloudFormation `AuthorizerConfiguration` value for the resource. */
  toCloudFormation?(config: C): Record<string, unknown>;
  /** Control-plane `authorizerConfiguration` (GetGateway / GetAgentRuntime) → config block. */
  fromAws?(authorizerConfiguration: unknown): C;
  /** Decide on an incoming request, as AWS would. */
  verify?(request: InboundRequest, config: C, options?: VerifyOptions): Promise<VerifyResult>;
  /** Obtain an access token a caller can present (fetch access, invoke). */
  token?(config: C, client: ClientCredentials, options?: TokenOptions): Promise<AccessToken>;
}

/** Outbound: how a gateway authenticates to a target. `C` is the whole `outboundAuth` object (with `type`). */
export interface OutboundStrategy<C extends { type: string } = { type: string }> extends StrategyBase<C> {
  direction: 'outbound';
  appliesTo: readonly TargetType[];
  /** Strict object schema (classic `zod` or `zod/mini`, zod 4) of the `outboundAuth` fields other than `type`. */
  fieldsSchema: AnyZodObject;
  /**
   * The `authorizerType` of the credential kind `credentialName` must name, if any (e.g. `ApiKeyCredentialProvider`).
   * The core checks it for every target of this strategy; the strategy need not repeat that rule.
   */
  credentialKind?: string;
  /** Config fields equal to their defaults removed (defaults are never written). */
  elideDefaults?(config: C): C;
  /** One CloudFormation `CredentialProviderConfigurations` entry. */
  toCloudFormation?(config: C, ctx: CloudFormationOutboundContext): Record<string, unknown>;
  /** Control-plane `credentialProviderConfiguration` → `outboundAuth`, or undefined if it is not this strategy's. */
  fromAws?(configuration: unknown, ctx: ImportContext): C | undefined;
  /** Put the credential on an outbound request, as the gateway would. */
  apply?(request: OutboundRequest, config: C, secret: OutboundSecret): OutboundRequest | Promise<OutboundRequest>;
  /** Human preview of where the secret goes, with it masked (e.g. `GET https://x/mcp?api_key=****`). */
  preview?(config: C, endpoint: string): string;
  /**
   * Turn the stored credential into the value `apply` puts on the request, as the gateway's token vault would
   * (e.g. fetch an OAuth access token with the credential's client id and secret). Called before outbound requests;
   * cache inside when the value is reusable. Without it, callers pass the credential's stored API-key value.
   */
  resolveSecret?(config: C, input: ResolveSecretInput, options?: TokenOptions): Promise<OutboundSecret>;
}

export type Strategy = InboundStrategy<any> | OutboundStrategy<any>;

export interface InboundRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export interface VerifyOptions {
  /** Current time override (tests). */
  now?: () => Date;
  clockToleranceSec?: number;
}

export interface Principal {
  subject?: string;
  clientId?: string;
  scopes: readonly string[];
  claims: Readonly<Record<string, unknown>>;
}

export type VerifyResult =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 403; rule: string; reason: string; expected?: unknown; actual?: unknown };

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenOptions {
  noCache?: boolean;
  cacheFile?: string;
  signal?: AbortSignal;
}

export interface AccessToken {
  accessToken: string;
  tokenType: string;
  /** Seconds until expiry, as reported by the issuer (or what remains of a cached token). */
  expiresIn?: number;
  fromCache?: boolean;
}

export interface CloudFormationOutboundContext {
  /** A provider ARN, or a CloudFormation expression (`{Ref: ...}`) resolving to one. */
  providerArn?: unknown;
}

export interface ImportContext {
  /** The project's credential name for a provider ARN, if known. */
  credentialNameForArn(arn: string): string | undefined;
}

export interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** What `resolveSecret` gets: the credential `credentialName` names, and read access to `.env.local`. */
export interface ResolveSecretInput {
  credential: Credential;
  /** Reads one `.env.local` value; keys come from `credentialEnvName(name, suffix)` of @agentcore/schema. */
  secrets: { get(key: string): Promise<string | undefined> };
}

export interface OutboundSecret {
  /** API key, or an access token already obtained for OAuth-style strategies. */
  value: string;
  credentialName: string;
}

/**
 * The oclif hook through which plugins contribute strategies and credential kinds (one list may hold both):
 * `"agentcore:strategies": "./dist/hooks/strategies.js"`.
 */
export const STRATEGIES_HOOK = 'agentcore:strategies';

/** Typed hook map for oclif's `runHook` / `Hook<>` generics (pass as the second type argument). */
export interface AgentcoreHooks {
  'agentcore:strategies': { options: Record<string, never>; return: readonly (Strategy | CredentialKind)[] };
}

/** Helper for plugin authors: keeps inference and checks the object against the contract at compile time. */
export function defineInboundStrategy<C>(strategy: InboundStrategy<C>): InboundStrategy<C> {
  return strategy;
}
export function defineOutboundStrategy<C extends { type: string }>(strategy: OutboundStrategy<C>): OutboundStrategy<C> {
  return strategy;
}
