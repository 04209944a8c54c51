/** The CUSTOM_JWT inbound strategy: one object holding everything that is specific to JWT-authorized resources. */
import {
  authorizeRequest,
  defineInboundStrategy,
  fetchClientCredentialsToken,
  STRATEGY_CONTRACT_VERSION,
  type FlagValues,
  type InputProblem,
  type StrategyFlag,
  type StrategyPrompt,
} from '@agentcore/auth';
import { fromAws, toCloudFormation } from './aws.js';
import { claimsPromptSpec } from './claims-prompt.js';
import { customJwtFromFlags, problemsFromIssues, readClaims } from './from-flags.js';
import { messages as m } from './messages.js';
import {
  CustomClaimsSchema,
  CustomJwtAuthorizerConfigSchema,
  DiscoveryUrlSchema,
  ScopeSchema,
  type CustomJwtAuthorizerConfig,
} from './schema.js';

const flag = (name: string, extra: Partial<StrategyFlag> = {}): StrategyFlag => ({
  name,
  kind: 'string',
  summary: m.get(`flags.${name}.summary`),
  ...extra,
});

export const CUSTOM_JWT_FLAGS: readonly StrategyFlag[] = [
  flag('discovery-url'),
  flag('allowed-audience', { multiple: true }),
  flag('allowed-clients', { multiple: true }),
  flag('allowed-scopes', { multiple: true }),
  flag('custom-claims'),
  flag('custom-claims-file'),
  flag('client-id'),
  flag('client-secret', { secret: true, env: 'AGENTCORE_CLIENT_SECRET' }),
];

/** First problem message for a single wizard answer, using the same schemas as the flags. */
function firstIssue(result: {
  success: boolean;
  error?: { issues: readonly { message: string }[] };
}): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

function validateScopes(answer: string): string | undefined {
  for (const s of answer
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const issue = firstIssue(ScopeSchema.safeParse(s));
    if (issue) return `${s}: ${issue}`;
  }
  return undefined;
}

function validateClaims(answer: string): string | undefined {
  if (answer.trim() === '') return undefined;
  const problems: InputProblem[] = [];
  const { claims } = readClaims({ 'custom-claims': answer }, problems);
  if (problems[0]) return problems[0].message;
  const parsed = CustomClaimsSchema.safeParse(claims);
  if (parsed.success) return undefined;
  const issues = parsed.error.issues.map((i) => ({ ...i, path: ['customClaims', ...i.path] }));
  return problemsFromIssues(issues, {}, 'custom-claims')[0]?.message;
}

function prompts(): readonly StrategyPrompt[] {
  const optionalList = (name: string, validate?: (v: string) => string | undefined): StrategyPrompt => ({
    flag: name,
    message: m.get(`prompt.${name}`),
    kind: 'list',
    optional: true,
    ...(validate ? { validate } : {}),
  });
  return [
    {
      flag: 'discovery-url',
      message: m.get('prompt.discovery-url'),
      kind: 'text',
      validate: (v) => firstIssue(DiscoveryUrlSchema.safeParse(v.trim())),
    },
    optionalList('allowed-clients'),
    optionalList('allowed-audience'),
    optionalList('allowed-scopes', validateScopes),
    {
      flag: 'custom-claims',
      message: m.get('prompt.custom-claims'),
      kind: 'claims',
      claims: claimsPromptSpec,
      optional: true,
      validate: validateClaims,
    },
    { flag: 'client-id', message: m.get('prompt.client-id'), kind: 'text', optional: true },
    {
      flag: 'client-secret',
      message: m.get('prompt.client-secret'),
      kind: 'secret',
      when: (a: FlagValues) => typeof a['client-id'] === 'string' && a['client-id'] !== '',
    },
  ];
}

function describe(config: CustomJwtAuthorizerConfig): string {
  const a = config.customJwtAuthorizer;
  const parts = [
    a.allowedAudience?.length ? `audience=${a.allowedAudience.join(',')}` : undefined,
    a.allowedClients?.length ? `clients=${a.allowedClients.join(',')}` : undefined,
    a.allowedScopes?.length ? `scopes=${a.allowedScopes.join(',')}` : undefined,
    a.customClaims?.length ? `claims=${a.customClaims.map((c) => c.inboundTokenClaimName).join(',')}` : undefined,
  ].filter(Boolean);
  return m.get('describe', { details: parts.join(' ') }).trim();
}

export const customJwtStrategy = defineInboundStrategy<CustomJwtAuthorizerConfig>({
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: m.get('summary'),
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: CustomJwtAuthorizerConfigSchema,
  flags: CUSTOM_JWT_FLAGS,
  fromFlags: customJwtFromFlags,
  prompts,
  describe,
  telemetry(config) {
    const a = config?.customJwtAuthorizer;
    return {
      jwt_audience_set: Boolean(a?.allowedAudience?.length),
      jwt_clients_set: Boolean(a?.allowedClients?.length),
      jwt_scopes_set: Boolean(a?.allowedScopes?.length),
      jwt_custom_claims_count: a?.customClaims?.length ?? 0,
    };
  },
  toCloudFormation,
  fromAws,
  verify: (request, config, options) => authorizeRequest(request, config.customJwtAuthorizer, options),
  token(config, client, options = {}) {
    const a = config.customJwtAuthorizer;
    return fetchClientCredentialsToken({
      discoveryUrl: a.discoveryUrl,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      ...(a.allowedScopes?.length ? { scopes: a.allowedScopes } : {}),
      ...(options.cacheFile ? { cacheFile: options.cacheFile } : {}),
      ...(options.noCache ? { noCache: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  },
});
