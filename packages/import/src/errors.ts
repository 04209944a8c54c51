/** Coded errors of @agentcore/import. Callers branch on `code`; every error carries actions. */
import { AgentcoreError, type AgentcoreErrorOptions } from '@agentcore/schema';
import { messages } from './messages.js';

export type ImportErrorCode =
  /** The resource does not exist (HTTP 404 / ResourceNotFoundException, or absent from the responses file). */
  | 'ERR_IMPORT_NOT_FOUND'
  /** AWS refused the call (AccessDeniedException / 403). */
  | 'ERR_IMPORT_ACCESS_DENIED'
  /** Any other control-plane failure (throttling, validation, network, credentials). */
  | 'ERR_IMPORT_AWS'
  /** `--from-file` is unreadable or not in the documented format. */
  | 'ERR_IMPORT_RESPONSES_FILE'
  /** A target uses a credential provider whose ARN is not in the project's deployed state. */
  | 'ERR_IMPORT_UNKNOWN_CREDENTIAL'
  /** An auth configuration no installed strategy can read. */
  | 'ERR_IMPORT_UNSUPPORTED_AUTH'
  /** A response carries a shape this version cannot map (e.g. an unknown artifact kind). */
  | 'ERR_IMPORT_UNSUPPORTED'
  /** `--arn` is not an AgentCore gateway/runtime ARN. */
  | 'ERR_IMPORT_INVALID_ARN';

export class ImportError extends AgentcoreError<ImportErrorCode> {
  constructor(code: ImportErrorCode, message: string, options: AgentcoreErrorOptions = {}) {
    super(code, message, options);
  }
}

/** Message key (`error.<Key>` / `error.<Key>.actions` in messages/import.md) of each kind of failure. */
export type ImportErrorKey =
  | 'UnsupportedAuth'
  | 'CannotImport'
  | 'TooManyCredentials'
  | 'UnknownCredential'
  | 'MissingField'
  | 'UnsupportedShape'
  | 'InvalidArn'
  | 'ResponsesFile'
  | 'NotInFile'
  | 'NotFound'
  | 'AccessDenied'
  | 'AwsFailed';

/** A coded error whose message and actions come from the bundle; `values` fill `{placeholders}`. */
export function createImportError(
  code: ImportErrorCode,
  key: ImportErrorKey,
  values: Readonly<Record<string, string | number>>,
  details: Record<string, unknown> = {},
  cause?: unknown,
): ImportError {
  return new ImportError(code, messages.get(`error.${key}`, values), {
    actions: messages.list(`error.${key}.actions`, values),
    details,
    ...(cause === undefined ? {} : { cause }),
  });
}
