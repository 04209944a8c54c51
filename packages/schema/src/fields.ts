/** Field schemas shared by the model and by every CLI/wizard path (call `.safeParse` on these, never re-implement). */
import * as z from 'zod/mini';
import {
  CREDENTIAL_NAME_MAX,
  CREDENTIAL_NAME_PATTERN,
  ENV_VAR_NAME_PATTERN,
  GATEWAY_NAME_MAX,
  GATEWAY_NAME_PATTERN,
  PROJECT_NAME_PATTERN,
  REQUEST_HEADER_ALLOWLIST_PREFIX,
  RESERVED_PROJECT_NAMES,
  RUNTIME_NAME_PATTERN,
  TARGET_NAME_MAX,
  TARGET_NAME_PATTERN,
} from './names.js';
import { redactUrl, urlHasUserInfo } from './url-redact.js';
import { ensureZodEnglish } from './zod.js';
import { schemaMessages } from './messages.js';

ensureZodEnglish();

export const ProjectNameSchema = z.string().check(
  z.minLength(1, 'Project name is required'),
  z.maxLength(23, 'Project name must be at most 23 characters'),
  z.regex(PROJECT_NAME_PATTERN, 'Project name must start with a letter and contain only letters and digits'),
  z.refine((n) => !RESERVED_PROJECT_NAMES.has(n.toLowerCase()), {
    error: () => schemaMessages().get('field.ProjectNameReserved'),
  }),
);

export const RuntimeNameSchema = z
  .string()
  .check(
    z.minLength(1, 'Agent name is required'),
    z.maxLength(48, 'Agent name must be at most 48 characters'),
    z.regex(
      RUNTIME_NAME_PATTERN,
      'Agent name must start with a letter and contain only letters, digits and underscores (no hyphens)',
    ),
  );

/** A runtime's description (AgentCore's limit: 200 characters). */
export const RuntimeDescriptionSchema = z.string().check(z.maxLength(200));

export const GatewayNameSchema = z
  .string()
  .check(
    z.minLength(1, 'Gateway name is required'),
    z.maxLength(GATEWAY_NAME_MAX, `Gateway name must be at most ${GATEWAY_NAME_MAX} characters`),
    z.regex(GATEWAY_NAME_PATTERN, 'Gateway name must contain only letters, digits and inner hyphens'),
  );

export const TargetNameSchema = z
  .string()
  .check(
    z.minLength(1, 'Target name is required'),
    z.maxLength(TARGET_NAME_MAX, `Target name must be at most ${TARGET_NAME_MAX} characters`),
    z.regex(TARGET_NAME_PATTERN, 'Target name must contain only letters, digits, inner hyphens and underscores'),
  );

export const CredentialNameSchema = z
  .string()
  .check(
    z.minLength(1, 'Credential name is required'),
    z.maxLength(CREDENTIAL_NAME_MAX, `Credential name must be at most ${CREDENTIAL_NAME_MAX} characters`),
    z.regex(CREDENTIAL_NAME_PATTERN, 'Credential name must contain only letters, digits, hyphens and underscores'),
  );

/** The message for a URL with user info: names the URL with the user info shown as `***`, never the password. */
export function userInfoMessage(url: string): string {
  return `Must not contain a user name or password (${redactUrl(url)}): agentcore.json is a tracked file. Put the secret in a credential (agentcore add credential) and remove it from the URL`;
}

/** Refuses URLs with user info (`https://user:pass@host/…`): credentials never go into agentcore.json. */
export const noUserInfo = z.superRefine<string>((value, ctx) => {
  if (urlHasUserInfo(value)) ctx.addIssue({ code: 'custom', message: userInfoMessage(value) });
});

export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL' }).check(noUserInfo);

export const TagsSchema = z
  .record(
    z.string().check(
      z.minLength(1),
      z.maxLength(128),
      z.regex(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u, 'Invalid tag key'),
      z.refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys must not start with aws:'),
    ),
    z.string().check(z.maxLength(256)),
  )
  .check(z.refine((t) => Object.keys(t).length <= 50, 'At most 50 tags'));

export const EnvVarSchema = z.strictObject({
  name: z
    .string()
    .check(z.minLength(1), z.maxLength(255), z.regex(ENV_VAR_NAME_PATTERN, 'Invalid environment variable name')),
  value: z.string(),
});

export const RequestHeaderNameSchema = z.string().check(
  z.refine((h) => h === 'Authorization' || h.startsWith(REQUEST_HEADER_ALLOWLIST_PREFIX), {
    error: () => schemaMessages().get('field.RequestHeaderName', { prefix: REQUEST_HEADER_ALLOWLIST_PREFIX }),
  }),
);

export const RuntimeVersionSchema = z.enum([
  'PYTHON_3_10',
  'PYTHON_3_11',
  'PYTHON_3_12',
  'PYTHON_3_13',
  'PYTHON_3_14',
  'NODE_18',
  'NODE_20',
  'NODE_22',
]);
export const BuildTypeSchema = z.enum(['CodeZip', 'Container']);
export const ProtocolSchema = z.enum(['HTTP', 'MCP', 'A2A', 'AGUI']);
export const NetworkModeSchema = z.enum(['PUBLIC', 'VPC']);
export const ENTRYPOINT_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_/.-]*\.(py|ts|js|mjs)(:[a-zA-Z_][a-zA-Z0-9_]*)?$/;
export const EntrypointSchema = z
  .string()
  .check(
    z.regex(ENTRYPOINT_PATTERN, 'Entrypoint must be a .py, .ts, .js or .mjs file path, optionally with :function'),
  );
