/**
 * Flag values (or wizard answers) → the CUSTOM_JWT config block and the managed `{resource}-oauth` credential.
 * Validation is the zod schema's; this module only gathers the input and turns zod issues into flag problems.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CredentialPlan, FlagContext, FlagValues, FromFlagsResult, InputProblem } from '@agentcore/auth';
import { OAUTH_VENDOR_DEFAULT } from '@agentcore/auth';
import { credentialEnvNames, managedCredentialName, OIDC_DISCOVERY_SUFFIX } from '@agentcore/schema';
import type * as z from 'zod/mini';
import { messages as m } from './messages.js';
import { ClientIdSchema, CustomJwtAuthorizerSchema, type CustomJwtAuthorizerConfig } from './schema.js';

const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  discoveryUrl: 'discovery-url',
  allowedAudience: 'allowed-audience',
  allowedClients: 'allowed-clients',
  allowedScopes: 'allowed-scopes',
  customClaims: 'custom-claims',
};

const text = (v: FlagValues[string]): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Repeatable flags arrive as arrays (already comma-split by the CLI); wizard answers may be one comma-separated string. */
function list(v: FlagValues[string]): string[] | undefined {
  const items = (typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : [])
    .map((s: string) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** Parse the custom-claims JSON from `--custom-claims` or `--custom-claims-file`; problems are pushed, not thrown. */
export function readClaims(values: FlagValues, problems: InputProblem[]): { flag: string; claims?: unknown } {
  const inline = text(values['custom-claims']);
  const file = text(values['custom-claims-file']);
  if (inline && file) {
    problems.push({ flag: 'custom-claims-file', message: m.get('problem.claimsBoth') });
    return { flag: 'custom-claims' };
  }
  const flag = file ? 'custom-claims-file' : 'custom-claims';
  let json = inline;
  if (file) {
    try {
      json = readFileSync(resolve(file), 'utf8');
    } catch (err) {
      problems.push({
        flag,
        message: m.get('problem.claimsFile', {
          path: file,
          error: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
        }),
      });
      return { flag };
    }
  }
  if (json === undefined) return { flag };
  let claims: unknown;
  try {
    claims = JSON.parse(json);
  } catch (err) {
    problems.push({
      flag,
      message: m.get('problem.claimsJson', { error: (err as Error).message }),
      action: m.get('problem.claims.action'),
    });
    return { flag };
  }
  if (!Array.isArray(claims)) {
    problems.push({ flag, message: m.get('problem.claimsNotArray'), action: m.get('problem.claims.action') });
    return { flag };
  }
  return { flag, claims };
}

/** zod issues of {@link CustomJwtAuthorizerSchema} → one problem per issue, naming the flag (and claim index). */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  input: Record<string, unknown>,
  claimsFlag: string,
): InputProblem[] {
  return issues.map((issue) => {
    const [field, index, ...rest] = issue.path;
    if (field === undefined)
      return { message: m.get('problem.noConstraint'), action: m.get('problem.noConstraint.action') };
    if (field === 'customClaims') {
      if (index === undefined)
        return { flag: claimsFlag, message: issue.message, action: m.get('problem.claims.action') };
      const path = rest.map(String).join('.') || '(rule)';
      return {
        flag: claimsFlag,
        message: m.get('problem.claimsAt', { index: String(index), field: path, message: issue.message }),
        action: m.get('problem.claims.action'),
      };
    }
    const flag = FLAG_OF_FIELD[String(field)];
    if (field === 'discoveryUrl') {
      const first = issues.find((i) => i.path[0] === 'discoveryUrl') === issue;
      return {
        flag,
        message: issue.message,
        ...(first ? { action: m.get('problem.discoveryUrl.action', { suffix: OIDC_DISCOVERY_SUFFIX }) } : {}),
      };
    }
    const values = input[String(field)];
    const value = typeof index === 'number' && Array.isArray(values) ? ` (${JSON.stringify(values[index])})` : '';
    return { flag, message: `${issue.message}${value}` };
  });
}

function credentialPlan(
  resourceName: string,
  discoveryUrl: string,
  clientId: string,
  clientSecret: string,
): CredentialPlan {
  const name = managedCredentialName(resourceName);
  const env = credentialEnvNames(name);
  return {
    credential: {
      authorizerType: 'OAuthCredentialProvider',
      name,
      discoveryUrl,
      vendor: OAUTH_VENDOR_DEFAULT,
      managed: true,
      usage: 'inbound',
    },
    secrets: { [env.clientId]: clientId, [env.clientSecret]: clientSecret },
    onExisting: 'reuse',
  };
}

export function customJwtFromFlags(values: FlagValues, ctx: FlagContext): FromFlagsResult<CustomJwtAuthorizerConfig> {
  const problems: InputProblem[] = [];
  const discoveryUrl = text(values['discovery-url']);
  if (!discoveryUrl)
    problems.push({
      flag: 'discovery-url',
      message: m.get('problem.discoveryUrlMissing'),
      action: m.get('problem.discoveryUrlMissing.action'),
    });
  const { flag: claimsFlag, claims } = readClaims(values, problems);
  const claimsFailed = problems.some((p) => p.flag === claimsFlag || p.flag === 'custom-claims-file');
  const input: Record<string, unknown> = {
    discoveryUrl: discoveryUrl ?? '',
    allowedAudience: list(values['allowed-audience']),
    allowedClients: list(values['allowed-clients']),
    allowedScopes: list(values['allowed-scopes']),
    customClaims: claims,
  };
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  const parsed = CustomJwtAuthorizerSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.filter(
      (i) => (discoveryUrl || i.path[0] !== 'discoveryUrl') && !(claimsFailed && i.path.length === 0),
    );
    problems.push(...problemsFromIssues(issues, input, claimsFlag));
  }

  const clientId = text(values['client-id']);
  const clientSecret =
    typeof values['client-secret'] === 'string' && values['client-secret'] !== '' ? values['client-secret'] : undefined;
  // The test client's id follows the allowed-client rule, so the token it fetches is one AWS could match.
  const clientIdIssue = clientId === undefined ? undefined : ClientIdSchema.safeParse(clientId).error?.issues[0];
  if (clientIdIssue) problems.push({ flag: 'client-id', message: clientIdIssue.message });
  if (clientSecret && !clientId)
    problems.push({
      flag: 'client-secret',
      message: m.get('problem.secretWithoutId'),
      action: m.get('problem.clientCredentials.action'),
    });
  if (clientId && !clientSecret)
    problems.push({
      flag: 'client-id',
      message: m.get('problem.idWithoutSecret'),
      action: m.get('problem.clientCredentials.action'),
    });

  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const config = { customJwtAuthorizer: parsed.data };
  const allowedClients = parsed.data.allowedClients;
  const warnings =
    clientId && allowedClients && !allowedClients.includes(clientId)
      ? [m.get('warning.clientNotAllowed', { clientId })]
      : [];
  if (!clientId || !clientSecret) return { ok: true, config, warnings };
  return {
    ok: true,
    config,
    credentials: [credentialPlan(ctx.resourceName, parsed.data.discoveryUrl, clientId, clientSecret)],
    warnings,
  };
}
