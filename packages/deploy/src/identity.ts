/**
 * Identity step: for each credential, Get → Update or Create its AgentCore Identity provider (API key → API-key
 * provider; OAuth client id/secret + discovery URL → OAuth2 provider with `customOauth2ProviderConfig`, vendor as
 * configured), the way the official CLI's pre-deploy step does. A credential whose fingerprint matches the last
 * deploy's is not touched (no call). Secret values go only into these requests; AWS's error messages are
 * scrubbed of them before they are shown.
 * https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CreateApiKeyCredentialProvider.html
 * https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CreateOauth2CredentialProvider.html
 */
import type { AwsClients } from './aws/clients.js';
import { mapAwsError } from './aws/errors.js';
import { deployMessages } from './messages.js';
import type { ProviderRecord } from './state.js';

export type CredentialValues =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; discoveryUrl: string; vendor: string };

export interface CredentialPlan {
  /** Name in agentcore.json. */
  name: string;
  /** Name of the provider in AWS. */
  providerName: string;
  values: CredentialValues;
  fingerprint: string;
}

export interface IdentityResult {
  providers: Record<string, ProviderRecord>;
  /** Credentials whose provider was created or updated by this run. */
  changed: string[];
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'ResourceNotFoundException' || e?.$metadata?.httpStatusCode === 404;
};
const conflict = (err: unknown) => {
  const name = (err as { name?: string })?.name;
  return name === 'ConflictException' || name === 'ResourceAlreadyExistsException';
};

async function apiKeyProvider(
  clients: AwsClients,
  plan: CredentialPlan,
  apiKey: string,
  createdBefore: boolean,
): Promise<ProviderRecord> {
  const { sdk, client } = await clients.control();
  const name = plan.providerName;
  const secrets = [apiKey];
  const get = () =>
    client.send(new sdk.GetApiKeyCredentialProviderCommand({ name })).catch((err: unknown) => {
      if (notFound(err)) return undefined;
      throw mapAwsError(err, 'bedrock-agentcore:GetApiKeyCredentialProvider');
    });
  const update = () =>
    client.send(new sdk.UpdateApiKeyCredentialProviderCommand({ name, apiKey })).catch((err: unknown) => {
      throw mapAwsError(err, 'bedrock-agentcore:UpdateApiKeyCredentialProvider', secrets);
    });
  let arn: string | undefined;
  let secretArn: string | undefined;
  let created = false;
  if (await get()) {
    const r = await update();
    arn = r.credentialProviderArn;
    secretArn = r.apiKeySecretArn?.secretArn;
  } else {
    try {
      const r = await client.send(new sdk.CreateApiKeyCredentialProviderCommand({ name, apiKey }));
      created = true;
      arn = r.credentialProviderArn;
      secretArn = r.apiKeySecretArn?.secretArn;
    } catch (err) {
      if (!conflict(err)) throw mapAwsError(err, 'bedrock-agentcore:CreateApiKeyCredentialProvider', secrets);
      const r = await update();
      arn = r.credentialProviderArn;
      secretArn = r.apiKeySecretArn?.secretArn;
    }
  }
  if (!arn || !secretArn) {
    const r = await get();
    arn ??= r?.credentialProviderArn;
    secretArn ??= r?.apiKeySecretArn?.secretArn;
  }
  if (!arn)
    throw mapAwsError(
      new Error(deployMessages().get('reason.noArn', { name })),
      'bedrock-agentcore:GetApiKeyCredentialProvider',
    );
  return {
    kind: 'api-key',
    name,
    credentialProviderArn: arn,
    ...(secretArn ? { secretArn } : {}),
    createdByDeploy: created || createdBefore,
  };
}

async function oauthProvider(
  clients: AwsClients,
  plan: CredentialPlan,
  v: Extract<CredentialValues, { kind: 'oauth' }>,
  createdBefore: boolean,
): Promise<ProviderRecord> {
  const { sdk, client } = await clients.control();
  const name = plan.providerName;
  const secrets = [v.clientSecret];
  const input = {
    name,
    credentialProviderVendor: v.vendor as never,
    oauth2ProviderConfigInput: {
      customOauth2ProviderConfig: {
        clientId: v.clientId,
        clientSecret: v.clientSecret,
        oauthDiscovery: { discoveryUrl: v.discoveryUrl },
      },
    },
  };
  const update = () =>
    client.send(new sdk.UpdateOauth2CredentialProviderCommand(input)).catch((err: unknown) => {
      throw mapAwsError(err, 'bedrock-agentcore:UpdateOauth2CredentialProvider', secrets);
    });
  const existing = await client.send(new sdk.GetOauth2CredentialProviderCommand({ name })).catch((err: unknown) => {
    if (notFound(err)) return undefined;
    throw mapAwsError(err, 'bedrock-agentcore:GetOauth2CredentialProvider');
  });
  let r: { credentialProviderArn?: string; clientSecretArn?: { secretArn?: string }; callbackUrl?: string };
  let created = false;
  if (existing) r = await update();
  else {
    try {
      r = await client.send(new sdk.CreateOauth2CredentialProviderCommand(input));
      created = true;
    } catch (err) {
      if (!conflict(err)) throw mapAwsError(err, 'bedrock-agentcore:CreateOauth2CredentialProvider', secrets);
      r = await update();
    }
  }
  if (!r.credentialProviderArn)
    throw mapAwsError(
      new Error(deployMessages().get('reason.noArn', { name })),
      'bedrock-agentcore:GetOauth2CredentialProvider',
    );
  return {
    kind: 'oauth',
    name,
    credentialProviderArn: r.credentialProviderArn,
    ...(r.clientSecretArn?.secretArn ? { secretArn: r.clientSecretArn.secretArn } : {}),
    ...(r.callbackUrl ? { callbackUrl: r.callbackUrl } : {}),
    createdByDeploy: created || createdBefore,
  };
}

export async function ensureProviders(
  clients: AwsClients,
  plans: readonly CredentialPlan[],
  previous: Readonly<Record<string, ProviderRecord>>,
  previousFingerprints: Readonly<Record<string, string>>,
): Promise<IdentityResult> {
  const providers: Record<string, ProviderRecord> = {};
  const changed: string[] = [];
  for (const plan of plans) {
    const old = previous[plan.name];
    if (old && old.name === plan.providerName && previousFingerprints[plan.name] === plan.fingerprint) {
      providers[plan.name] = old;
      continue;
    }
    // A provider an earlier deploy created stays "created by deploy" when later runs find and update it.
    const createdBefore = old?.name === plan.providerName && old.createdByDeploy === true;
    providers[plan.name] =
      plan.values.kind === 'api-key'
        ? await apiKeyProvider(clients, plan, plan.values.apiKey, createdBefore)
        : await oauthProvider(clients, plan, plan.values, createdBefore);
    changed.push(plan.name);
  }
  return { providers, changed };
}

/** Delete the providers (destroy): pass only those deploy created. A provider already gone counts as deleted. */
export async function deleteProviders(clients: AwsClients, providers: readonly ProviderRecord[]): Promise<void> {
  if (providers.length === 0) return;
  const { sdk, client } = await clients.control();
  for (const p of providers) {
    const command =
      p.kind === 'api-key'
        ? new sdk.DeleteApiKeyCredentialProviderCommand({ name: p.name })
        : new sdk.DeleteOauth2CredentialProviderCommand({ name: p.name });
    await client.send(command as never).catch((err: unknown) => {
      if (!notFound(err))
        throw mapAwsError(
          err,
          p.kind === 'api-key'
            ? 'bedrock-agentcore:DeleteApiKeyCredentialProvider'
            : 'bedrock-agentcore:DeleteOauth2CredentialProvider',
        );
    });
  }
}
