/**
 * `token inspect` as a function: find the resource's CUSTOM_JWT block in agentcore.json (only that block is
 * parsed, so an unrelated invalid part of the project does not get in the way), then run the engine's rule-by-rule
 * inspection. The token and its signature are never part of the result.
 */
import { readFile } from 'node:fs/promises';
import { inspectJwt, type JwtRuleOutcome } from '@agentcore/auth';
import { findProjectRoot, formatZodIssues, projectPaths } from '@agentcore/schema';
import { CustomJwtError, type CustomJwtErrorCode } from './errors.js';
import { loadMessages } from './messages.js';
import { CustomJwtAuthorizerConfigSchema } from './schema.js';
import { devSessionIssuer } from './dev-issuer.js';

export const inspectMessages = loadMessages('token.inspect');

export interface TokenInspectInput {
  token: string;
  agent?: string;
  gateway?: string;
  offline?: boolean;
  cwd?: string;
  /** Clock override (tests). */
  now?: () => Date;
}

export interface TokenInspectResult {
  resource: { kind: 'agent' | 'gateway'; name: string };
  offline: boolean;
  decision: 'allow' | 'deny';
  /** The HTTP status AgentCore would answer with at the authorizer: 200 (passed on), 401 or 403. */
  status: 200 | 401 | 403;
  /** The deciding rule and reason, when denied. */
  rule?: string;
  reason?: string;
  header?: Readonly<Record<string, unknown>>;
  claims?: Readonly<Record<string, unknown>>;
  rules: JwtRuleOutcome[];
  /** The issuer the token was checked against: the configured one, or a running `agentcore dev --issuer`'s. */
  issuer: { discoveryUrl: string; source: 'config' | 'dev-session' };
}

function fail(
  code: CustomJwtErrorCode,
  key: string,
  values: Record<string, string>,
  details: Record<string, unknown> = {},
): CustomJwtError {
  return new CustomJwtError(code, inspectMessages.get(`error.${key}`, values), {
    actions: inspectMessages.list(`error.${key}.actions`, values),
    details,
  });
}

interface NamedResource {
  name?: unknown;
  authorizerType?: unknown;
  authorizerConfiguration?: unknown;
}

async function readResource(cwd: string | undefined, kind: 'agent' | 'gateway', name: string): Promise<NamedResource> {
  const paths = projectPaths(await findProjectRoot(cwd));
  let config: { runtimes?: NamedResource[]; agentCoreGateways?: NamedResource[] };
  try {
    config = JSON.parse(await readFile(paths.configFile, 'utf8')) as typeof config;
  } catch (err) {
    throw fail('ERR_INVALID_INPUT', 'ConfigUnreadable', { error: (err as Error).message });
  }
  const list = (kind === 'agent' ? config.runtimes : config.agentCoreGateways) ?? [];
  const found = list.find((r) => r.name === name);
  if (!found)
    throw fail(
      'ERR_NOT_FOUND',
      'NotFound',
      { kind, name, names: list.map((r) => String(r.name)).join(', ') || '(none)' },
      { kind, name },
    );
  return found;
}

export async function inspectToken(input: TokenInspectInput): Promise<TokenInspectResult> {
  const token = input.token.trim();
  if (token === '') throw fail('ERR_INVALID_INPUT', 'EmptyToken', {});
  const kind = input.agent !== undefined ? 'agent' : 'gateway';
  const name = input.agent ?? input.gateway ?? '';
  const resource = await readResource(input.cwd, kind, name);
  const type =
    typeof resource.authorizerType === 'string' ? resource.authorizerType : kind === 'agent' ? 'AWS_IAM' : 'NONE';
  if (type !== 'CUSTOM_JWT')
    throw fail('ERR_NOT_CUSTOM_JWT', 'NotCustomJwt', { kind, name, type }, { kind, name, authorizerType: type });
  const parsed = CustomJwtAuthorizerConfigSchema.safeParse(resource.authorizerConfiguration);
  if (!parsed.success) {
    const issues = formatZodIssues(parsed.error);
    throw fail(
      'ERR_INVALID_INPUT',
      'ConfigInvalid',
      { kind, name, issues: issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ') },
      { issues },
    );
  }
  const devIssuer = input.offline ? undefined : await devSessionIssuer(input.cwd);
  const authorizer = { ...parsed.data.customJwtAuthorizer, ...(devIssuer ? { discoveryUrl: devIssuer } : {}) };
  const inspection = await inspectJwt(token, authorizer, {
    offline: input.offline ?? false,
    ...(input.now ? { now: input.now } : {}),
  });
  const r = inspection.result;
  return {
    resource: { kind, name },
    offline: input.offline ?? false,
    decision: r.ok ? 'allow' : 'deny',
    status: r.ok ? 200 : r.status,
    ...(r.ok ? {} : { rule: r.rule, reason: r.reason }),
    ...(inspection.header ? { header: inspection.header } : {}),
    ...(inspection.payload ? { claims: inspection.payload } : {}),
    rules: inspection.rules,
    issuer: { discoveryUrl: authorizer.discoveryUrl, source: devIssuer ? 'dev-session' : 'config' },
  };
}
