/**
 * Typed errors shared by every agentcore package. Each package extends {@link AgentcoreError}
 * with its own codes; callers branch on `err.code`, never on the message.
 */
import { redactUrlsInText } from './url-redact.js';
import { schemaMessages } from './messages.js';

export type SchemaErrorCode =
  | 'ERR_PROJECT_NOT_FOUND'
  | 'ERR_PROJECT_EXISTS'
  | 'ERR_CONFIG_UNREADABLE'
  | 'ERR_CONFIG_INVALID_JSON'
  | 'ERR_CONFIG_INVALID'
  | 'ERR_LOCK_TIMEOUT'
  | 'ERR_WRITE_FAILED'
  | 'ERR_SECRET_KEY_MISSING'
  | 'ERR_SECRET_KEY_CORRUPT'
  | 'ERR_SECRET_DECRYPT'
  | 'ERR_ENV_FILE_INVALID'
  | 'ERR_NOT_FOUND'
  | 'ERR_DUPLICATE'
  | 'ERR_IN_USE'
  | 'ERR_INVALID_INPUT';

export interface AgentcoreErrorOptions {
  /** What the user can do about it, most useful first. */
  actions?: readonly string[];
  /** Structured, secret-free details (paths, names, allowed values). */
  details?: Record<string, unknown>;
  /** Process exit code when this error ends a command (default 1). */
  exitCode?: number;
  cause?: unknown;
}

/** `value` with every string in it (deeply) passed through {@link redactUrlsInText}. */
function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactUrlsInText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  return value;
}

/**
 * The brand every coded error carries, registered globally (`Symbol.for`) so that errors built by another copy of
 * this package — a plugin that bundles its own `@agentcore/schema` — are still recognised. Classify errors with
 * {@link isAgentcoreError}, never with `instanceof` across package boundaries.
 */
const CODED_ERROR_BRAND = Symbol.for('agentcore.coded-error');

/**
 * Base class of every coded error agentcore raises. URLs in the message, actions and details are redacted
 * ({@link redactUrlsInText}: user info and secret-looking query parameters become `***`), so no error, whatever
 * package raises it, echoes a credential written inside a URL.
 */
export class AgentcoreError<C extends string = string> extends Error {
  declare readonly [CODED_ERROR_BRAND]: true;
  readonly code: C;
  readonly actions: readonly string[];
  readonly details: Record<string, unknown>;
  readonly exitCode: number;

  constructor(code: C, message: string, options: AgentcoreErrorOptions = {}) {
    super(redactUrlsInText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = codeToName(code);
    this.code = code;
    this.actions = (options.actions ?? []).map(redactUrlsInText);
    this.details = (redactDeep(options.details) as Record<string, unknown> | undefined) ?? {};
    this.exitCode = options.exitCode ?? 1;
  }

  /** The failure half of the `--json` envelope. */
  toJSON(): {
    name: string;
    code: C;
    message: string;
    actions: readonly string[];
    details: Record<string, unknown>;
    exitCode: number;
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      actions: this.actions,
      details: this.details,
      exitCode: this.exitCode,
    };
  }
}

Object.defineProperty(AgentcoreError.prototype, CODED_ERROR_BRAND, { value: true });

/**
 * True for a coded error from any copy of `@agentcore/schema` (the CLI's own, or one a plugin bundles): it carries the
 * brand and the fields of the `--json` failure envelope.
 */
export function isAgentcoreError(value: unknown): value is AgentcoreError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<PropertyKey, unknown>>;
  return (
    v[CODED_ERROR_BRAND] === true &&
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    Array.isArray(v.actions) &&
    typeof v.exitCode === 'number' &&
    typeof v.toJSON === 'function'
  );
}

/** One validation problem, with a dotted path into the config (e.g. `runtimes.0.authorizerConfiguration`). */
export interface ConfigIssue {
  path: string;
  message: string;
  /** Optional hint (e.g. which plugin to install). */
  action?: string;
}

/** Raised for errors in the project model (not found, invalid, duplicate, in use). */
export class SchemaError extends AgentcoreError<SchemaErrorCode> {}

/** The config failed validation; `issues` lists every problem with its path. */
export class ConfigValidationError extends SchemaError {
  readonly issues: readonly ConfigIssue[];
  constructor(file: string, issues: readonly ConfigIssue[], options: AgentcoreErrorOptions = {}) {
    const list = issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n');
    const hints = issues.flatMap((i) => (i.action ? [i.action] : []));
    const m = schemaMessages();
    super('ERR_CONFIG_INVALID', m.get('error.ConfigInvalid', { file, issues: list }), {
      ...options,
      actions: [...new Set([...hints, ...(options.actions ?? m.list('error.ConfigInvalid.actions', { file }))])],
      details: { ...options.details, file, issues },
    });
    this.issues = issues;
  }
}

function codeToName(code: string): string {
  // ERR_CONFIG_INVALID -> ConfigInvalidError
  const words = code.replace(/^ERR_/, '').toLowerCase().split('_');
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') + 'Error';
}
