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

/** zod params whose message is `field.<key>` of messages/schema.md, read when an issue is reported (not at load). */
export const fieldText = (key: string, values: Readonly<Record<string, string | number>> = {}) => ({
  error: () => schemaMessages().get(`field.${key}`, values),
});

export const ProjectNameSchema = z.string().check(
  z.minLength(1, fieldText('ProjectNameRequired')),
  z.maxLength(23, fieldText('ProjectNameTooLong', { max: 23 })),
  z.regex(PROJECT_NAME_PATTERN, fieldText('ProjectNamePattern')),
  z.refine((n) => !RESERVED_PROJECT_NAMES.has(n.toLowerCase()), fieldText('ProjectNameReserved')),
);

export const RuntimeNameSchema = z
  .string()
  .check(
    z.minLength(1, fieldText('AgentNameRequired')),
    z.maxLength(48, fieldText('AgentNameTooLong', { max: 48 })),
    z.regex(RUNTIME_NAME_PATTERN, fieldText('AgentNamePattern')),
  );

/** A runtime's description (AgentCore's limit: 200 characters). */
export const RuntimeDescriptionSchema = z.string().check(z.maxLength(200));

export const GatewayNameSchema = z
  .string()
  .check(
    z.minLength(1, fieldText('GatewayNameRequired')),
    z.maxLength(GATEWAY_NAME_MAX, fieldText('GatewayNameTooLong', { max: GATEWAY_NAME_MAX })),
    z.regex(GATEWAY_NAME_PATTERN, fieldText('GatewayNamePattern')),
  );

export const TargetNameSchema = z
  .string()
  .check(
    z.minLength(1, fieldText('TargetNameRequired')),
    z.maxLength(TARGET_NAME_MAX, fieldText('TargetNameTooLong', { max: TARGET_NAME_MAX })),
    z.regex(TARGET_NAME_PATTERN, fieldText('TargetNamePattern')),
  );

export const CredentialNameSchema = z
  .string()
  .check(
    z.minLength(1, fieldText('CredentialNameRequired')),
    z.maxLength(CREDENTIAL_NAME_MAX, fieldText('CredentialNameTooLong', { max: CREDENTIAL_NAME_MAX })),
    z.regex(CREDENTIAL_NAME_PATTERN, fieldText('CredentialNamePattern')),
  );

/** The message for a URL with user info: names the URL with the user info shown as `***`, never the password. */
export function userInfoMessage(url: string): string {
  return schemaMessages().get('field.UserInfo', { url: redactUrl(url) });
}

/** Refuses URLs with user info (`https://user:pass@host/…`): credentials never go into agentcore.json. */
export const noUserInfo = z.superRefine<string>((value, ctx) => {
  if (urlHasUserInfo(value)) ctx.addIssue({ code: 'custom', message: userInfoMessage(value) });
});

export const HttpUrlSchema = z.url({ protocol: /^https?$/, ...fieldText('HttpUrl') }).check(noUserInfo);

export const TagsSchema = z
  .record(
    z.string().check(
      z.minLength(1),
      z.maxLength(128),
      z.regex(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u, fieldText('TagKey')),
      z.refine((k) => !k.toLowerCase().startsWith('aws:'), fieldText('TagKeyAws')),
    ),
    z.string().check(z.maxLength(256)),
  )
  .check(z.refine((t) => Object.keys(t).length <= 50, fieldText('TooManyTags')));

export const EnvVarSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(255), z.regex(ENV_VAR_NAME_PATTERN, fieldText('EnvVarName'))),
  value: z.string(),
});

export const RequestHeaderNameSchema = z
  .string()
  .check(
    z.refine(
      (h) => h === 'Authorization' || h.startsWith(REQUEST_HEADER_ALLOWLIST_PREFIX),
      fieldText('RequestHeaderName', { prefix: REQUEST_HEADER_ALLOWLIST_PREFIX }),
    ),
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
export const EntrypointSchema = z.string().check(z.regex(ENTRYPOINT_PATTERN, fieldText('Entrypoint')));
