/**
 * The credential-kind contract: what `add credential --type <kind>` creates, what agentcore.json stores for it and
 * which `.env.local` variables hold its values. A plugin contributes kinds through the same `agentcore:strategies`
 * hook as its strategies (the hook's list may hold both); the built-in API-key and OAuth kinds are declared the same
 * way (credential-kinds/). An outbound strategy names the kind its `credentialName` must refer to with
 * `credentialKind`, and the core checks that rule once for every strategy.
 */
import type { AnyZodObject, AnyZodSchema, Credential, ProjectConfig } from '@agentcore/schema';
import type { FlagValues, InputProblem, StrategyFlag, StrategyPrompt } from './contract.js';

/** One value of a credential kept in `.env.local` (never in agentcore.json). */
export interface CredentialSecretField {
  /** The `add credential` flag that carries it (kebab case, e.g. `client-secret`); also its key in `fromFlags` results. */
  flag: string;
  /**
   * Appended to the credential's prefix (`AGENTCORE_CREDENTIAL_<NAME>`) by `credentialEnvName()` of
   * @agentcore/schema: `''` is the bare prefix, otherwise upper snake case starting with `_` (e.g. `_PASSWORD`).
   * Values are stored encrypted (`enc:v1`) unless the suffix is `_CLIENT_ID`.
   */
  envSuffix: string;
}

/** Context of `fromFlags`: the credential being added and the project as it is. */
export interface CredentialFlagContext {
  name: string;
  project: Readonly<ProjectConfig>;
}

export type CredentialFromFlagsResult =
  | {
      ok: true;
      /** The credential's own fields (without `authorizerType` and `name`), as agentcore.json stores them. */
      fields: Readonly<Record<string, unknown>>;
      /** Secret field flag → value; every declared field whose value was given. */
      secrets: Readonly<Record<string, string>>;
    }
  | { ok: false; problems: readonly InputProblem[] };

/** What `deploy` hands to AgentCore Identity for a credential (values read from `.env.local`). */
export type IdentityProviderValues =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; discoveryUrl: string; vendor: string };

export interface CredentialKind {
  /** Stored in agentcore.json (`credentials[].authorizerType`), e.g. `ApiKeyCredentialProvider`. PascalCase. */
  authorizerType: string;
  /** `add credential --type` spelling, kebab case, e.g. `api-key`. Matched case- and `_`/`-`-insensitively. */
  cliName: string;
  summary: string;
  contractVersion: number;
  /** Strict object schema (classic `zod` or `zod/mini`) of the non-secret fields other than `authorizerType`/`name`. */
  fieldsSchema: AnyZodObject;
  /** Replaces the common credential-name check. */
  nameSchema?: AnyZodSchema<string>;
  /** The values kept in `.env.local`, in the order they are written. At least one. */
  secretFields: readonly CredentialSecretField[];
  /** Flags `add credential` takes for this kind (the secret fields' flags included; mark those `secret`). */
  flags: readonly StrategyFlag[];
  /** Wizard questions; answers are flag values and go through `fromFlags` (one code path for flags and wizard). */
  prompts?(): readonly StrategyPrompt[];
  /** Flag values (secrets already read from stdin or env) → the credential's fields and secrets, or the problems. */
  fromFlags(flags: FlagValues, ctx: CredentialFlagContext): CredentialFromFlagsResult;
  /**
   * The AgentCore Identity credential provider this kind maps to: given the credential and its `.env.local`
   * values (by secret-field flag), the provider values, or undefined while some value is missing. Absent for a
   * local-only kind.
   */
  identityProvider?(
    credential: Credential,
    secrets: Readonly<Record<string, string | undefined>>,
  ): IdentityProviderValues | undefined;
  /** Set when the kind exists only for `agentcore dev`: `synth` and `deploy` refuse credentials of it, quoting `reason`. */
  localOnly?: { reason: string };
  /** One line for `agentcore status` (no secrets). */
  describe?(credential: Credential): string;
}

/** True for a hook list entry that is a credential kind rather than a strategy. */
export function isCredentialKind(value: unknown): value is CredentialKind {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('direction' in value) &&
    typeof (value as { authorizerType?: unknown }).authorizerType === 'string'
  );
}

/** Helper for plugin authors: checks the object against the contract at compile time. */
export function defineCredentialKind(kind: CredentialKind): CredentialKind {
  return kind;
}
