/** The one code path that adds a credential (flags and wizard both end here). */
import {
  ApiKeyCredentialSchema,
  CredentialNameSchema,
  credentialEnvNames,
  HttpUrlSchema,
  OAUTH_VENDOR_DEFAULT,
  type Credential,
  type ProjectStore,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { ProblemList } from './problems.js';

export interface AddCredentialInput {
  name?: string;
  type?: string;
  apiKey?: string;
  discoveryUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scopes?: readonly string[];
  force?: boolean;
}

export interface AddCredentialResult {
  name: string;
  authorizerType: Credential['authorizerType'];
  /** `.env.local` variables written (names only). */
  envKeys: string[];
  replaced: boolean;
}

export function planCredential(input: AddCredentialInput): { credential: Credential; secrets: Record<string, string> } {
  const p = new ProblemList();
  const name = p.field('name', CredentialNameSchema, input.name);
  const type = (input.type ?? '').toLowerCase().replace(/_/g, '-');
  if (type !== 'api-key' && type !== 'oauth')
    p.add({ flag: 'type', message: `--type must be api-key or oauth (got ${input.type ?? 'nothing'})` });
  let credential: Credential | undefined;
  const secrets: Record<string, string> = {};
  if (name && type === 'api-key') {
    const parsed = ApiKeyCredentialSchema.safeParse({ authorizerType: 'ApiKeyCredentialProvider', name });
    if (!parsed.success) p.add({ flag: 'name', message: parsed.error.issues[0]?.message ?? 'invalid name' });
    if (!input.apiKey)
      p.add({
        flag: 'api-key',
        message: 'An api-key credential needs its key',
        action: 'Pass --api-key - and pipe the key on stdin, or set AGENTCORE_API_KEY.',
      });
    if (input.discoveryUrl || input.clientId || input.clientSecret || input.scopes?.length)
      p.add({
        flag: 'type',
        message: '--discovery-url, --client-id, --client-secret and --scopes are for --type oauth',
      });
    credential = { authorizerType: 'ApiKeyCredentialProvider', name };
    if (input.apiKey) secrets[credentialEnvNames(name).apiKey] = input.apiKey;
  } else if (name && type === 'oauth') {
    const discoveryUrl = p.field('discovery-url', HttpUrlSchema, input.discoveryUrl);
    if (!input.clientId) p.add({ flag: 'client-id', message: 'An oauth credential needs --client-id' });
    if (!input.clientSecret)
      p.add({
        flag: 'client-secret',
        message: 'An oauth credential needs its client secret',
        action: 'Pass --client-secret - and pipe it on stdin, or set AGENTCORE_CLIENT_SECRET.',
      });
    if (input.apiKey) p.add({ flag: 'api-key', message: '--api-key is for --type api-key' });
    credential = {
      authorizerType: 'OAuthCredentialProvider',
      name,
      ...(discoveryUrl ? { discoveryUrl } : {}),
      ...(input.scopes?.length ? { scopes: [...input.scopes] } : {}),
      vendor: OAUTH_VENDOR_DEFAULT,
      usage: 'outbound',
    };
    const env = credentialEnvNames(name);
    if (input.clientId) secrets[env.clientId] = input.clientId;
    if (input.clientSecret) secrets[env.clientSecret] = input.clientSecret;
  }
  p.throwIfAny('add credential');
  if (!credential) throw new TypeError('unreachable: credential not planned');
  return { credential, secrets };
}

export async function addCredential(store: ProjectStore, input: AddCredentialInput): Promise<AddCredentialResult> {
  const { credential, secrets } = planCredential(input);
  const { result } = await store.update((draft, ctx) => {
    const i = draft.credentials.findIndex((c) => c.name === credential.name);
    if (i >= 0 && !input.force) {
      throw new CliError('ERR_DUPLICATE', `A credential named ${credential.name} already exists.`, {
        actions: ['Pick another --name, or pass --force to replace it (its stored secret is overwritten).'],
        details: { name: credential.name },
      });
    }
    if (i >= 0) draft.credentials[i] = credential;
    else draft.credentials.push(credential);
    ctx.stageSecrets({ set: secrets });
    return i >= 0;
  });
  return {
    name: credential.name,
    authorizerType: credential.authorizerType,
    envKeys: Object.keys(secrets),
    replaced: result,
  };
}
