/**
 * The OAuth credential kind (`OAuthCredentialProvider`): a client of an OIDC identity provider, its id and secret
 * kept as `AGENTCORE_CREDENTIAL_<NAME>_CLIENT_ID` / `_CLIENT_SECRET`, deployed as an AgentCore Identity OAuth2
 * credential provider (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/identity-outbound-credential-provider.html).
 */
import * as z from 'zod/mini';
import { HttpUrlSchema } from '@agentcore/schema';
import { STRATEGY_CONTRACT_VERSION, type InputProblem } from '../contract.js';
import type { CredentialKind } from '../credential-kind.js';
import { kindMessages } from './messages.js';

/** Vendor the official CLI writes for custom OAuth providers. */
export const OAUTH_VENDOR_DEFAULT = 'CustomOauth2';

/** The fields of an OAuth credential besides `authorizerType` and `name`, as agentcore.json stores them. */
export const OAuthCredentialFieldsSchema = z.strictObject({
  discoveryUrl: z.optional(HttpUrlSchema),
  scopes: z.optional(z.array(z.string().check(z.minLength(1)))),
  vendor: z.optional(z.string().check(z.minLength(1))),
  managed: z.optional(z.boolean()),
  usage: z.optional(z.enum(['inbound', 'outbound'])),
});

export type OAuthCredentialFields = {
  discoveryUrl?: string;
  scopes?: string[];
  vendor?: string;
  managed?: boolean;
  usage?: 'inbound' | 'outbound';
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function oauthCredentialKind(): CredentialKind {
  const m = kindMessages();
  return {
    authorizerType: 'OAuthCredentialProvider',
    cliName: 'oauth',
    summary: m.get('oauth.summary'),
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: OAuthCredentialFieldsSchema,
    secretFields: [
      { flag: 'client-id', envSuffix: '_CLIENT_ID' },
      { flag: 'client-secret', envSuffix: '_CLIENT_SECRET' },
    ],
    flags: [
      { name: 'discovery-url', kind: 'string', summary: m.get('oauth.flags.discovery-url.summary') },
      { name: 'client-id', kind: 'string', summary: m.get('oauth.flags.client-id.summary') },
      {
        name: 'client-secret',
        kind: 'string',
        summary: m.get('oauth.flags.client-secret.summary'),
        secret: true,
        env: 'AGENTCORE_CLIENT_SECRET',
      },
      { name: 'scopes', kind: 'string', multiple: true, summary: m.get('oauth.flags.scopes.summary') },
    ],
    prompts: () => [
      {
        flag: 'discovery-url',
        kind: 'text',
        message: m.get('oauth.prompt.discovery-url'),
        validate: (v) => {
          const r = HttpUrlSchema.safeParse(v);
          return r.success ? undefined : (r.error.issues[0]?.message ?? 'invalid URL');
        },
      },
      { flag: 'client-id', kind: 'text', message: m.get('oauth.prompt.client-id') },
      { flag: 'client-secret', kind: 'secret', message: m.get('oauth.prompt.client-secret') },
      { flag: 'scopes', kind: 'list', message: m.get('oauth.prompt.scopes'), optional: true },
    ],
    fromFlags(flags) {
      const problems: InputProblem[] = [];
      const url = HttpUrlSchema.safeParse(flags['discovery-url']);
      if (!url.success)
        problems.push({ flag: 'discovery-url', message: url.error.issues[0]?.message ?? 'invalid URL' });
      const clientId = str(flags['client-id']);
      const clientSecret = str(flags['client-secret']);
      if (!clientId) problems.push({ flag: 'client-id', message: m.get('oauth.problem.clientId') });
      if (!clientSecret)
        problems.push({
          flag: 'client-secret',
          message: m.get('oauth.problem.clientSecret'),
          action: m.get('oauth.problem.clientSecret.action'),
        });
      if (problems.length > 0 || !url.success || !clientId || !clientSecret) return { ok: false, problems };
      const raw = flags.scopes;
      const scopes = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [])
        .flatMap((s) => (typeof s === 'string' ? s.split(',') : []))
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return {
        ok: true,
        fields: {
          discoveryUrl: url.data,
          ...(scopes.length > 0 ? { scopes } : {}),
          vendor: OAUTH_VENDOR_DEFAULT,
          usage: 'outbound',
        },
        secrets: { 'client-id': clientId, 'client-secret': clientSecret },
      };
    },
    identityProvider(credential, secrets) {
      const clientId = secrets['client-id'];
      const clientSecret = secrets['client-secret'];
      const discoveryUrl = typeof credential.discoveryUrl === 'string' ? credential.discoveryUrl : undefined;
      if (!clientId || !clientSecret || !discoveryUrl) return undefined;
      const vendor = typeof credential.vendor === 'string' ? credential.vendor : OAUTH_VENDOR_DEFAULT;
      return { kind: 'oauth', clientId, clientSecret, discoveryUrl, vendor };
    },
  };
}
