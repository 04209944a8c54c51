/** The emulators' live entries built from a plan: a target with its credential, the dev issuer's clients. */
import { credentialEnvName, credentialEnvNames, type Credential } from '@agentcore/schema';
import type { DevIssuerClient } from './dev-issuer.js';
import type { TargetEntry } from './outbound.js';
import { devMessages } from './messages.js';
import { issuerResources, type DevPlan } from './plan.js';

export interface SecretReader {
  get(key: string): Promise<string | undefined>;
}

export async function issuerClients(
  plan: DevPlan,
  secrets: SecretReader,
  log: (l: string) => void,
): Promise<DevIssuerClient[]> {
  const clients = new Map<string, DevIssuerClient>();
  for (const r of issuerResources(plan)) {
    const names = credentialEnvNames(r.credentialName);
    const clientId = (await secrets.get(names.clientId)) ?? r.allowedClients[0];
    const clientSecret = await secrets.get(names.clientSecret);
    if (!clientId || !clientSecret) {
      log(devMessages().get('log.IssuerNoClient', { name: r.name, credential: r.credentialName }));
      continue;
    }
    const prev = clients.get(clientId);
    clients.set(clientId, {
      clientId,
      clientSecret,
      scopes: [...new Set([...(prev?.scopes ?? []), ...r.scopes])],
      audience: prev?.audience ?? r.audience,
    });
  }
  return [...clients.values()];
}

export async function targetEntry(
  t: DevPlan['gateways'][number]['targets'][number],
  secrets: SecretReader,
  credentials: readonly Credential[],
): Promise<TargetEntry> {
  const entry: TargetEntry = {
    name: t.name,
    targetType: t.targetType,
    endpoint: t.endpoint,
    authType: t.authType,
    strategy: t.strategy,
    config: t.config,
    unavailable: t.unavailable,
    redactions: new Set(),
  };
  if (!t.strategy || t.unavailable || !t.config) return entry;
  if (!t.credentialName) return { ...entry, unavailable: `${t.authType} outbound auth has no credentialName` };
  const credentialName = t.credentialName;
  const { strategy, config } = { strategy: t.strategy, config: t.config };
  if (strategy.resolveSecret) {
    const credential = credentials.find((c) => c.name === credentialName);
    if (!credential) return { ...entry, unavailable: `credential ${credentialName} is not declared in agentcore.json` };
    const resolveSecret = strategy.resolveSecret.bind(strategy);
    // Per request: the strategy caches and refreshes (e.g. an OAuth token until shortly before it expires).
    return { ...entry, secret: () => resolveSecret(config, { credential, secrets }) };
  }
  const value = await secrets.get(credentialEnvName(credentialName, t.secretEnvSuffix ?? ''));
  if (!value)
    return {
      ...entry,
      unavailable: `credential ${credentialName} has no value in agentcore/.env.local (add it with \`agentcore add credential\`)`,
    };
  return { ...entry, secret: async () => ({ value, credentialName }), redactions: new Set([value]) };
}
