/** Field schemas shared by the model and by every CLI/wizard path (call `.safeParse` on these, never re-implement). */
import { z } from 'zod';
import {
  CREDENTIAL_NAME_MAX, CREDENTIAL_NAME_PATTERN, ENV_VAR_NAME_PATTERN, GATEWAY_NAME_MAX, GATEWAY_NAME_PATTERN,
  PROJECT_NAME_PATTERN, REQUEST_HEADER_ALLOWLIST_PREFIX, RESERVED_PROJECT_NAMES, RUNTIME_NAME_PATTERN,
  TARGET_NAME_MAX, TARGET_NAME_PATTERN,
} from './names.js';

export const ProjectNameSchema = z
  .string()
  .min(1, 'Project name is required')
  .max(23, 'Project name must be at most 23 characters')
  .regex(PROJECT_NAME_PATTERN, 'Project name must start with a letter and contain only letters and digits')
  .refine((n) => !RESERVED_PROJECT_NAMES.has(n.toLowerCase()), { message: 'Project name is reserved (it collides with a Python package name)' });

export const RuntimeNameSchema = z
  .string()
  .min(1, 'Agent name is required')
  .max(48, 'Agent name must be at most 48 characters')
  .regex(RUNTIME_NAME_PATTERN, 'Agent name must start with a letter and contain only letters, digits and underscores (no hyphens)');

export const GatewayNameSchema = z
  .string()
  .min(1, 'Gateway name is required')
  .max(GATEWAY_NAME_MAX, `Gateway name must be at most ${GATEWAY_NAME_MAX} characters`)
  .regex(GATEWAY_NAME_PATTERN, 'Gateway name must contain only letters, digits and inner hyphens');

export const TargetNameSchema = z
  .string()
  .min(1, 'Target name is required')
  .max(TARGET_NAME_MAX, `Target name must be at most ${TARGET_NAME_MAX} characters`)
  .regex(TARGET_NAME_PATTERN, 'Target name must contain only letters, digits, inner hyphens and underscores');

export const CredentialNameSchema = z
  .string()
  .min(1, 'Credential name is required')
  .max(CREDENTIAL_NAME_MAX, `Credential name must be at most ${CREDENTIAL_NAME_MAX} characters`)
  .regex(CREDENTIAL_NAME_PATTERN, 'Credential name must contain only letters, digits, hyphens and underscores');

export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL' });

export const TagsSchema = z
  .record(
    z.string().min(1).max(128).regex(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u, 'Invalid tag key').refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys must not start with aws:'),
    z.string().max(256),
  )
  .refine((t) => Object.keys(t).length <= 50, 'At most 50 tags');

export const EnvVarSchema = z.object({ name: z.string().min(1).max(255).regex(ENV_VAR_NAME_PATTERN, 'Invalid environment variable name'), value: z.string() }).strict();

export const RequestHeaderNameSchema = z
  .string()
  .refine((h) => h === 'Authorization' || h.startsWith(REQUEST_HEADER_ALLOWLIST_PREFIX), {
    message: `Allowed headers are Authorization or names starting with ${REQUEST_HEADER_ALLOWLIST_PREFIX}`,
  });

export const RuntimeVersionSchema = z.enum(['PYTHON_3_10', 'PYTHON_3_11', 'PYTHON_3_12', 'PYTHON_3_13', 'PYTHON_3_14', 'NODE_18', 'NODE_20', 'NODE_22']);
export const BuildTypeSchema = z.enum(['CodeZip', 'Container']);
export const ProtocolSchema = z.enum(['HTTP', 'MCP', 'A2A', 'AGUI']);
export const NetworkModeSchema = z.enum(['PUBLIC', 'VPC']);
export const ENTRYPOINT_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_/.-]*\.(py|ts|js|mjs)(:[a-zA-Z_][a-zA-Z0-9_]*)?$/;
export const EntrypointSchema = z.string().regex(ENTRYPOINT_PATTERN, 'Entrypoint must be a .py, .ts, .js or .mjs file path, optionally with :function');
