/**
 * The flag path (and, through the same `fromFlags`, the wizard): flags → `outboundAuth` + an optional inline
 * credential. Every rule comes from the schemas in placement.ts and @agentcore/schema.
 */
import type {
  FlagContext,
  FlagValues,
  FromFlagsResult,
  InputProblem,
  StrategyFlag,
  StrategyPrompt,
} from '@agentcore/auth';
import { CredentialNameNoReservedSuffixSchema, credentialEnvNames, type AnyZodSchema } from '@agentcore/schema';
import { messages } from './messages.js';
import {
  ApiKeyPrefixSchema,
  buildApiKeyPlacement,
  checkApiKeyPrefix,
  DEFAULT_API_KEY_PARAMETER_NAME,
  parameterNameSchemaFor,
  parseApiKeyLocation,
  type ApiKeyLocation,
  type ApiKeyOutboundAuth,
} from './placement.js';

export const API_KEY_VALUE_ENV = 'AGENTCORE_API_KEY';

export const API_KEY_FLAGS: readonly StrategyFlag[] = [
  {
    name: 'api-key-location',
    kind: 'string',
    options: ['header', 'query_parameter'],
    summary: messages.get('flags.api-key-location.summary'),
  },
  { name: 'api-key-parameter-name', kind: 'string', summary: messages.get('flags.api-key-parameter-name.summary') },
  { name: 'api-key-prefix', kind: 'string', summary: messages.get('flags.api-key-prefix.summary') },
  {
    name: 'api-key-value',
    kind: 'string',
    secret: true,
    env: API_KEY_VALUE_ENV,
    summary: messages.get('flags.api-key-value.summary'),
  },
];

const text = (v: FlagValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);

function badValue(flag: string, reason: string): InputProblem {
  return {
    flag,
    message: messages.get('problem.badValue', { flag: `--${flag}`, reason }),
    action: messages.get('problem.badValue.action'),
  };
}

/** Run a field schema and record the first issue against the flag; returns whether the value passed. */
function checkField(problems: InputProblem[], flag: string, schema: AnyZodSchema<string>, value: string): boolean {
  const r = schema.safeParse(value);
  if (!r.success) problems.push(badValue(flag, r.error.issues[0]?.message ?? messages.get('problem.invalid')));
  return r.success;
}

/** The project's credentials of the kind this strategy uses, for "no credential named …" messages. */
function availableCredentials(ctx: FlagContext): string {
  const names = ctx.project.credentials
    .filter((c) => c.authorizerType === 'ApiKeyCredentialProvider')
    .map((c) => c.name);
  return names.length > 0
    ? messages.get('problem.credentialsAvailable', { names: names.join(', ') })
    : messages.get('problem.credentialsAvailable.none');
}

function checkCredential(problems: InputProblem[], name: string, ctx: FlagContext, creating: boolean): void {
  const existing = ctx.project.credentials.find((c) => c.name === name);
  if (creating) {
    if (existing)
      problems.push({
        flag: 'api-key-value',
        message: messages.get('problem.credentialExists', { name }),
        action: messages.get('problem.credentialExists.action'),
      });
    const r = CredentialNameNoReservedSuffixSchema.safeParse(name);
    if (!r.success)
      problems.push(badValue('credential-name', r.error.issues[0]?.message ?? messages.get('problem.invalid')));
    return;
  }
  if (!existing) {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialMissing', { name, available: availableCredentials(ctx) }),
      action: messages.get('problem.credentialMissing.action', { name }),
    });
  } else if (existing.authorizerType !== 'ApiKeyCredentialProvider') {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialWrongKind', { name, kind: existing.authorizerType }),
      action: messages.get('problem.credentialWrongKind.action'),
    });
  }
}

/** Placement flags → the written block (defaults dropped), recording every bad value. */
function readPlacement(flags: FlagValues, problems: InputProblem[]) {
  const rawLocation = text(flags['api-key-location']);
  let location: ApiKeyLocation | undefined;
  if (rawLocation !== undefined && rawLocation.trim() !== '') {
    location = parseApiKeyLocation(rawLocation);
    if (!location)
      problems.push(badValue('api-key-location', messages.get('invalid.location', { value: rawLocation })));
  }
  // An empty answer (a skipped wizard question) means "keep the default", like an absent flag.
  const parameterName = text(flags['api-key-parameter-name'])?.trim() || undefined;
  if (parameterName !== undefined)
    checkField(problems, 'api-key-parameter-name', parameterNameSchemaFor(location), parameterName);
  const prefix = text(flags['api-key-prefix'])?.trim();
  if (prefix && checkField(problems, 'api-key-prefix', ApiKeyPrefixSchema, prefix)) {
    const problem = checkApiKeyPrefix(prefix, location);
    if (problem) problems.push(badValue('api-key-prefix', problem));
  }
  return buildApiKeyPlacement({ location, parameterName, prefix });
}

export function apiKeyFromFlags(flags: FlagValues, ctx: FlagContext): FromFlagsResult<ApiKeyOutboundAuth> {
  const problems: InputProblem[] = [];
  const credentialName = text(flags['credential-name'])?.trim();
  const keyValue = text(flags['api-key-value']);
  const creating = keyValue !== undefined && keyValue !== '';
  if (!credentialName) {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialRequired'),
      action: messages.get('problem.credentialRequired.action'),
    });
  } else {
    checkCredential(problems, credentialName, ctx, creating);
  }
  const apiKey = readPlacement(flags, problems);
  if (problems.length > 0 || !credentialName) return { ok: false, problems };
  const config: ApiKeyOutboundAuth = { type: 'API_KEY', credentialName, ...(apiKey ? { apiKey } : {}) };
  if (!creating) return { ok: true, config };
  return {
    ok: true,
    config,
    credentials: [
      {
        credential: { authorizerType: 'ApiKeyCredentialProvider', name: credentialName },
        secrets: { [credentialEnvNames(credentialName).apiKey]: keyValue },
        onExisting: 'error',
      },
    ],
  };
}

const issueOf = (schema: AnyZodSchema<string>, value: string): string | undefined => {
  const r = schema.safeParse(value.trim());
  return r.success ? undefined : r.error.issues[0]?.message;
};

const locationOf = (answers: FlagValues): ApiKeyLocation =>
  parseApiKeyLocation(text(answers['api-key-location']) ?? '') ?? 'HEADER';

/** Wizard questions; every answer is the value of a flag, then {@link apiKeyFromFlags} runs as usual. */
export function apiKeyPrompts(ctx: FlagContext): readonly StrategyPrompt[] {
  const existing = ctx.project.credentials.filter((c) => c.authorizerType === 'ApiKeyCredentialProvider');
  const credential: StrategyPrompt[] =
    existing.length > 0
      ? [
          {
            flag: 'credential-name',
            kind: 'select',
            message: messages.get('prompt.credential-name'),
            options: existing.map((c) => ({ value: c.name, label: c.name })),
          },
        ]
      : [
          {
            flag: 'credential-name',
            kind: 'text',
            message: messages.get('prompt.new-credential-name'),
            validate: (v) => {
              const r = CredentialNameNoReservedSuffixSchema.safeParse(v.trim());
              return r.success ? undefined : r.error.issues[0]?.message;
            },
          },
          { flag: 'api-key-value', kind: 'secret', message: messages.get('prompt.api-key-value') },
        ];
  const nameMessage = messages.get('prompt.api-key-parameter-name');
  return [
    ...credential,
    {
      flag: 'api-key-location',
      kind: 'select',
      optional: true,
      initial: 'header',
      message: messages.get('prompt.api-key-location'),
      options: [
        { value: 'header', label: messages.get('prompt.location.header') },
        { value: 'query_parameter', label: messages.get('prompt.location.query_parameter') },
      ],
    },
    {
      flag: 'api-key-parameter-name',
      kind: 'text',
      optional: true,
      initial: DEFAULT_API_KEY_PARAMETER_NAME,
      message: nameMessage,
      when: (a) => locationOf(a) === 'HEADER',
      validate: (v) => issueOf(parameterNameSchemaFor('HEADER'), v),
    },
    {
      flag: 'api-key-parameter-name',
      kind: 'text',
      optional: true,
      initial: DEFAULT_API_KEY_PARAMETER_NAME,
      message: nameMessage,
      when: (a) => locationOf(a) === 'QUERY_PARAMETER',
      validate: (v) => issueOf(parameterNameSchemaFor('QUERY_PARAMETER'), v),
    },
    {
      flag: 'api-key-prefix',
      kind: 'text',
      optional: true,
      message: messages.get('prompt.api-key-prefix'),
      validate: (v) => (v.trim() === '' ? undefined : issueOf(ApiKeyPrefixSchema, v)),
    },
  ];
}
