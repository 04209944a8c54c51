/**
 * AgentCore Identity credential providers (API key and OAuth2), keyed by name, with the ARNs and answers of the
 * control API: https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CreateApiKeyCredentialProvider.html
 * and API_CreateOauth2CredentialProvider.html. The secret values are kept so tests can assert where they arrived.
 */
import { randomBytes } from 'node:crypto';
import { AwsError } from './wire.js';
import type { ApiKeyProviderState, Oauth2ProviderState, ProvidersSnapshot } from './types.js';

const epoch = (d: Date) => d.getTime() / 1000;
const suffix = (n: number) =>
  Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 62]).join('');

/** Drop secret members (`clientSecret`) from a provider config: what AWS echoes back as the config output. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'clientSecret')
      .map(([k, v]) => [k, withoutSecrets(v)]),
  );
}

/** The `{clientId, clientSecret, oauthDiscovery.discoveryUrl}` of whichever vendor config the union holds. */
function configFields(config: unknown): { clientId?: string; clientSecret?: string; discoveryUrl?: string } {
  const inner = Object.values((config ?? {}) as Record<string, unknown>)[0] as Record<string, unknown> | undefined;
  const discovery = inner?.oauthDiscovery as { discoveryUrl?: string } | undefined;
  return {
    ...(typeof inner?.clientId === 'string' ? { clientId: inner.clientId } : {}),
    ...(typeof inner?.clientSecret === 'string' ? { clientSecret: inner.clientSecret } : {}),
    ...(discovery?.discoveryUrl ? { discoveryUrl: discovery.discoveryUrl } : {}),
  };
}

export class IdentityStore {
  readonly apiKey = new Map<string, ApiKeyProviderState>();
  readonly oauth2 = new Map<string, Oauth2ProviderState>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  snapshot(): ProvidersSnapshot {
    return {
      apiKey: [...this.apiKey.values()].map((p) => ({ ...p })),
      oauth2: [...this.oauth2.values()].map((p) => ({ ...p })),
    };
  }

  private arn(kind: string, name: string) {
    return `arn:aws:bedrock-agentcore:${this.region}:${this.accountId}:token-vault/default/${kind}/${name}`;
  }
  private secretArn(name: string) {
    return `arn:aws:secretsmanager:${this.region}:${this.accountId}:secret:bedrock-agentcore-identity!default/${name}-${suffix(6)}`;
  }

  /** Register an API-key provider (also used by the CloudFormation resource of that type). */
  createApiKey(name: string, apiKey: string): ApiKeyProviderState {
    if (this.apiKey.has(name))
      throw new AwsError('ConflictException', `Credential provider with name ${name} already exists`, 409);
    const now = new Date();
    const p = {
      name,
      arn: this.arn('apikeycredentialprovider', name),
      apiKey,
      secretArn: this.secretArn(name),
      createdTime: now,
      lastUpdatedTime: now,
    };
    this.apiKey.set(name, p);
    return p;
  }

  private get<T>(map: Map<string, T>, name: unknown): T {
    const p = map.get(String(name));
    if (!p) throw new AwsError('ResourceNotFoundException', `Credential provider ${String(name)} not found`, 404);
    return p;
  }

  private apiKeyAnswer(p: ApiKeyProviderState) {
    return {
      apiKeySecretArn: { secretArn: p.secretArn },
      name: p.name,
      credentialProviderArn: p.arn,
      createdTime: epoch(p.createdTime),
      lastUpdatedTime: epoch(p.lastUpdatedTime),
    };
  }

  private oauthAnswer(p: Oauth2ProviderState) {
    return {
      clientSecretArn: { secretArn: p.secretArn },
      name: p.name,
      credentialProviderArn: p.arn,
      credentialProviderVendor: p.vendor,
      oauth2ProviderConfigOutput: withoutSecrets(p.config),
      callbackUrl: p.callbackUrl,
      createdTime: epoch(p.createdTime),
      lastUpdatedTime: epoch(p.lastUpdatedTime),
    };
  }

  handle = async (operation: string, input: Record<string, unknown>): Promise<unknown> => {
    const name = String(input.name ?? '');
    const page = <T>(items: T[]) => {
      const start = Number(input.nextToken ?? 0);
      const size = Number(input.maxResults ?? 50);
      const next = start + size < items.length ? String(start + size) : undefined;
      return { credentialProviders: items.slice(start, start + size), ...(next ? { nextToken: next } : {}) };
    };
    switch (operation) {
      case 'CreateApiKeyCredentialProvider': {
        const p = this.createApiKey(name, String(input.apiKey ?? ''));
        return { apiKeySecretArn: { secretArn: p.secretArn }, name, credentialProviderArn: p.arn };
      }
      case 'GetApiKeyCredentialProvider':
        return this.apiKeyAnswer(this.get(this.apiKey, name));
      case 'UpdateApiKeyCredentialProvider': {
        const p = this.get(this.apiKey, name);
        if (typeof input.apiKey === 'string') p.apiKey = input.apiKey;
        p.lastUpdatedTime = new Date();
        return this.apiKeyAnswer(p);
      }
      case 'DeleteApiKeyCredentialProvider':
        this.get(this.apiKey, name);
        this.apiKey.delete(name);
        return {};
      case 'ListApiKeyCredentialProviders':
        return page(
          [...this.apiKey.values()].map((p) => {
            const { apiKeySecretArn: _secret, ...item } = this.apiKeyAnswer(p);
            return item;
          }),
        );
      case 'CreateOauth2CredentialProvider': {
        if (this.oauth2.has(name))
          throw new AwsError('ConflictException', `Credential provider with name ${name} already exists`, 409);
        const now = new Date();
        const p: Oauth2ProviderState = {
          name,
          arn: this.arn('oauth2credentialprovider', name),
          vendor: String(input.credentialProviderVendor),
          config: input.oauth2ProviderConfigInput,
          ...configFields(input.oauth2ProviderConfigInput),
          secretArn: this.secretArn(name),
          callbackUrl: `https://bedrock-agentcore.${this.region}.amazonaws.com/identities/oauth2/callback/${suffix(8)}`,
          createdTime: now,
          lastUpdatedTime: now,
        };
        this.oauth2.set(name, p);
        const { createdTime: _c, lastUpdatedTime: _l, credentialProviderVendor: _v, ...answer } = this.oauthAnswer(p);
        return answer;
      }
      case 'GetOauth2CredentialProvider':
        return this.oauthAnswer(this.get(this.oauth2, name));
      case 'UpdateOauth2CredentialProvider': {
        const p = this.get(this.oauth2, name);
        Object.assign(p, {
          vendor: String(input.credentialProviderVendor),
          config: input.oauth2ProviderConfigInput,
          clientId: undefined,
          clientSecret: undefined,
          discoveryUrl: undefined,
          ...configFields(input.oauth2ProviderConfigInput),
          lastUpdatedTime: new Date(),
        });
        return this.oauthAnswer(p);
      }
      case 'DeleteOauth2CredentialProvider':
        this.get(this.oauth2, name);
        this.oauth2.delete(name);
        return {};
      case 'ListOauth2CredentialProviders':
        return page(
          [...this.oauth2.values()].map((p) => ({
            name: p.name,
            credentialProviderVendor: p.vendor,
            credentialProviderArn: p.arn,
            createdTime: epoch(p.createdTime),
            lastUpdatedTime: epoch(p.lastUpdatedTime),
          })),
        );
      default:
        return undefined;
    }
  };
}
