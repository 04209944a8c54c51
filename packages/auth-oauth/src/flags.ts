/**
 * The flag path (and, through the same `fromFlags`, the wizard): flags → `outboundAuth` + an optional inline
 * OAuth credential. Every field rule comes from a schema (schema.ts, @agentcore/schema).
 */
import type {
  FlagContext,
  FlagValues,
  FromFlagsResult,
  InputProblem,
  StrategyFlag,
  StrategyPrompt,
} from '@agentcore/auth';
import { OAUTH_VENDOR_DEFAULT } from '@agentcore/auth';
import { credentialEnvNames } from '@agentcore/schema';
import { messages } from './messages.js';
import {
  OAUTH_TYPE,
  OAuthCredentialSchema,
  OAuthScopeSchema,
  parseScopes,
  type OAuthCredential,
  type OAuthOutboundAuth,
} from './schema.js';

export const OAUTH_CLIENT_SECRET_ENV = 'AGENTCORE_OAUTH_CLIENT_SECRET';
const INLINE_FLAGS = ['oauth-client-id', 'oauth-client-secret', 'oauth-discovery-url'] as const;

export const OAUTH_FLAGS: readonly StrategyFlag[] = [
  { name: 'oauth-scopes', kind: 'string', multiple: true, summary: messages.get('flags.oauth-scopes.summary') },
  { name: 'oauth-client-id', kind: 'string', summary: messages.get('flags.oauth-client-id.summary') },
  {
    name: 'oauth-client-secret',
    kind: 'string',
    secret: true,
    env: OAUTH_CLIENT_SECRET_ENV,
    summary: messages.get('flags.oauth-client-secret.summary'),
  },
  { name: 'oauth-discovery-url', kind: 'string', summary: messages.get('flags.oauth-discovery-url.summary') },
];

const text = (v: FlagValues[string]): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const list = (v: FlagValues[string]): string | readonly string[] | undefined =>
  typeof v === 'string' || Array.isArray(v) ? (v as string | readonly string[]) : undefined;

function badValue(flag: string, reason: string): InputProblem {
  return {
    flag,
    message: messages.get('problem.badValue', { flag: `--${flag}`, reason }),
    action: messages.get('problem.badValue.action'),
  };
}

/** The credential name used when the --oauth-* flags create one and --credential-name is absent. */
export function defaultOAuthCredentialName(resourceName: string): string {
  return `${resourceName}-oauth`;
}

/** The project's credentials of the kind this strategy uses, for "no credential named …" messages. */
function availableCredentials(ctx: FlagContext): string {
  const names = ctx.project.credentials
    .filter((c) => c.authorizerType === 'OAuthCredentialProvider')
    .map((c) => c.name);
  return names.length > 0
    ? messages.get('problem.credentialsAvailable', { names: names.join(', ') })
    : messages.get('problem.credentialsAvailable.none');
}

function checkExisting(problems: InputProblem[], name: string, ctx: FlagContext): void {
  const existing = ctx.project.credentials.find((c) => c.name === name);
  if (!existing) {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialMissing', { name, available: availableCredentials(ctx) }),
      action: messages.get('problem.credentialMissing.action', { name }),
    });
  } else if (existing.authorizerType !== 'OAuthCredentialProvider') {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialWrongKind', { name, kind: existing.authorizerType }),
      action: messages.get('problem.credentialWrongKind.action'),
    });
  }
}

/** Inline creation: all three flags, a new name, and a credential record the schema accepts. */
function inlineCredential(
  problems: InputProblem[],
  flags: FlagValues,
  name: string,
  ctx: FlagContext,
): { credential: OAuthCredential; clientId: string; clientSecret: string } | undefined {
  const clientId = text(flags['oauth-client-id']);
  const clientSecret =
    typeof flags['oauth-client-secret'] === 'string' && flags['oauth-client-secret'] !== ''
      ? flags['oauth-client-secret']
      : undefined;
  const discoveryUrl = text(flags['oauth-discovery-url']);
  const missing = INLINE_FLAGS.filter((f, i) => [clientId, clientSecret, discoveryUrl][i] === undefined).map(
    (f) => `--${f}`,
  );
  if (missing.length > 0) {
    problems.push({
      flag: missing[0]?.slice(2),
      message: messages.get('problem.inlineIncomplete', { missing: missing.join(', ') }),
      action: messages.get('problem.inlineIncomplete.action'),
    });
    return undefined;
  }
  if (ctx.project.credentials.some((c) => c.name === name)) {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialExists', { name }),
      action: messages.get('problem.credentialExists.action'),
    });
  }
  const parsed = OAuthCredentialSchema.safeParse({
    authorizerType: 'OAuthCredentialProvider',
    name,
    discoveryUrl,
    vendor: OAUTH_VENDOR_DEFAULT,
    usage: 'outbound',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push(
      badValue(
        issue?.path[0] === 'discoveryUrl' ? 'oauth-discovery-url' : 'credential-name',
        issue?.message ?? messages.get('problem.invalid'),
      ),
    );
    return undefined;
  }
  return clientId && clientSecret ? { credential: parsed.data, clientId, clientSecret } : undefined;
}

export function oauthFromFlags(flags: FlagValues, ctx: FlagContext): FromFlagsResult<OAuthOutboundAuth> {
  const problems: InputProblem[] = [];
  const creating = INLINE_FLAGS.some((f) => flags[f] !== undefined && flags[f] !== '');
  const credentialName =
    text(flags['credential-name']) ?? (creating ? defaultOAuthCredentialName(ctx.resourceName) : undefined);
  const scopes = parseScopes(list(flags['oauth-scopes']));
  for (const scope of scopes) {
    const r = OAuthScopeSchema.safeParse(scope);
    if (!r.success)
      problems.push(
        badValue('oauth-scopes', `${scope}: ${r.error.issues[0]?.message ?? messages.get('problem.invalid')}`),
      );
  }
  if (!credentialName) {
    problems.push({
      flag: 'credential-name',
      message: messages.get('problem.credentialRequired'),
      action: messages.get('problem.credentialRequired.action'),
    });
    return { ok: false, problems };
  }
  const inline = creating ? inlineCredential(problems, flags, credentialName, ctx) : undefined;
  if (!creating) checkExisting(problems, credentialName, ctx);
  if (problems.length > 0) return { ok: false, problems };
  const config: OAuthOutboundAuth = { type: OAUTH_TYPE, credentialName, ...(scopes.length > 0 ? { scopes } : {}) };
  if (!inline) return { ok: true, config };
  const names = credentialEnvNames(credentialName);
  return {
    ok: true,
    config,
    credentials: [
      {
        credential: inline.credential,
        secrets: { [names.clientId]: inline.clientId, [names.clientSecret]: inline.clientSecret },
        onExisting: 'error',
      },
    ],
  };
}

const scopeIssue = (value: string): string | undefined => {
  for (const scope of parseScopes(value)) {
    const r = OAuthScopeSchema.safeParse(scope);
    if (!r.success) return `${scope}: ${r.error.issues[0]?.message ?? messages.get('problem.invalid')}`;
  }
  return undefined;
};

/** Wizard questions; every answer is the value of a flag, then {@link oauthFromFlags} runs as usual. */
export function oauthPrompts(ctx: FlagContext): readonly StrategyPrompt[] {
  const existing = ctx.project.credentials.filter((c) => c.authorizerType === 'OAuthCredentialProvider');
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
            initial: defaultOAuthCredentialName(ctx.resourceName),
            validate: (v) => {
              const r = OAuthCredentialSchema.shape.name.safeParse(v.trim());
              return r.success ? undefined : r.error.issues[0]?.message;
            },
          },
          {
            flag: 'oauth-discovery-url',
            kind: 'text',
            message: messages.get('prompt.oauth-discovery-url'),
            validate: (v) => {
              const r = OAuthCredentialSchema.shape.discoveryUrl.safeParse(v.trim());
              return r.success ? undefined : r.error.issues[0]?.message;
            },
          },
          {
            flag: 'oauth-client-id',
            kind: 'text',
            message: messages.get('prompt.oauth-client-id'),
            validate: (v) => (v.trim() === '' ? 'is required' : undefined),
          },
          { flag: 'oauth-client-secret', kind: 'secret', message: messages.get('prompt.oauth-client-secret') },
        ];
  return [
    ...credential,
    {
      flag: 'oauth-scopes',
      kind: 'list',
      optional: true,
      message: messages.get('prompt.oauth-scopes'),
      validate: scopeIssue,
    },
  ];
}
