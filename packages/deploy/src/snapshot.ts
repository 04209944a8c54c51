/**
 * A normalized, secret-free copy of a deployed project's auth, read from the template deploy submits (so it
 * covers every strategy that emits CloudFormation) plus the credentials' value fingerprints. Stored in deployed
 * state; the next deploy's review compares against it. Pure.
 */
import { parameterRef, RUNTIME_TYPE, GATEWAY_TYPE, TARGET_TYPE, type Template } from './template.js';

export interface InboundAuth {
  type: string;
  discoveryUrl?: string;
  clients?: string[];
  audiences?: string[];
  scopes?: string[];
  /** Number of custom-claim rules. */
  claims?: number;
}

export interface OutboundAuth {
  type: string;
  credential?: string;
  location?: string;
  parameterName?: string;
  prefix?: string;
  scopes?: string[];
}

export interface CredentialSnapshot {
  kind: 'api-key' | 'oauth';
  /** HMAC of the value(s) under a key only this machine's user holds: comparable, not guessable. */
  fingerprint: string;
}

export interface AuthSnapshot {
  runtimes: Record<string, InboundAuth>;
  gateways: Record<string, InboundAuth>;
  /** Keyed `<gateway>/<target>`. */
  targets: Record<string, OutboundAuth>;
  credentials: Record<string, CredentialSnapshot>;
}

/** Which config names the template's logical IDs and provider parameters stand for. */
export interface TemplateNames {
  runtimes: Record<string, string>;
  gateways: Record<string, string>;
  /** Target logical ID → `<gateway>/<target>`. */
  targets: Record<string, string>;
  /** `<Credential>ProviderArn` parameter → credential name. */
  credentialParameters: Record<string, string>;
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length ? v.filter((x): x is string => typeof x === 'string') : undefined;

function inbound(type: string, config: unknown): InboundAuth {
  const jwt = (config as { CustomJWTAuthorizer?: Record<string, unknown> } | undefined)?.CustomJWTAuthorizer;
  if (!jwt) return { type };
  const out: InboundAuth = { type };
  if (typeof jwt.DiscoveryUrl === 'string') out.discoveryUrl = jwt.DiscoveryUrl;
  const clients = strings(jwt.AllowedClients);
  const audiences = strings(jwt.AllowedAudience);
  const scopes = strings(jwt.AllowedScopes);
  if (clients) out.clients = clients;
  if (audiences) out.audiences = audiences;
  if (scopes) out.scopes = scopes;
  if (Array.isArray(jwt.CustomClaims) && jwt.CustomClaims.length) out.claims = jwt.CustomClaims.length;
  return out;
}

function outbound(template: Template, configs: unknown, names: TemplateNames): OutboundAuth {
  const first = (Array.isArray(configs) ? configs[0] : undefined) as Record<string, unknown> | undefined;
  if (!first) return { type: 'NONE' };
  const type = String(first.CredentialProviderType);
  const provider = first.CredentialProvider as Record<string, Record<string, unknown>> | undefined;
  const entry = provider?.ApiKeyCredentialProvider ?? provider?.OauthCredentialProvider;
  if (!entry) return { type };
  const param = parameterRef(template, entry.ProviderArn);
  const credential = param ? names.credentialParameters[param] : undefined;
  const out: OutboundAuth = { type, ...(credential ? { credential } : {}) };
  if (typeof entry.CredentialLocation === 'string') out.location = entry.CredentialLocation;
  if (typeof entry.CredentialParameterName === 'string') out.parameterName = entry.CredentialParameterName;
  if (typeof entry.CredentialPrefix === 'string' && entry.CredentialPrefix.trim())
    out.prefix = entry.CredentialPrefix.trim();
  const scopes = strings(entry.Scopes);
  if (scopes) out.scopes = scopes;
  return out;
}

export function authSnapshot(
  template: Template,
  names: TemplateNames,
  credentials: Record<string, CredentialSnapshot>,
): AuthSnapshot {
  const snap: AuthSnapshot = { runtimes: {}, gateways: {}, targets: {}, credentials };
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type === RUNTIME_TYPE && names.runtimes[id]) {
      const config = r.Properties.AuthorizerConfiguration;
      snap.runtimes[names.runtimes[id]] = inbound(config ? 'CUSTOM_JWT' : 'AWS_IAM', config);
    } else if (r.Type === GATEWAY_TYPE && names.gateways[id]) {
      snap.gateways[names.gateways[id]] = inbound(
        String(r.Properties.AuthorizerType ?? 'NONE'),
        r.Properties.AuthorizerConfiguration,
      );
    } else if (r.Type === TARGET_TYPE && names.targets[id]) {
      snap.targets[names.targets[id]] = outbound(template, r.Properties.CredentialProviderConfigurations, names);
    }
  }
  return snap;
}
