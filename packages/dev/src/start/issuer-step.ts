/**
 * Step 2 of `startDev()` (with `issuer: true`): start the embedded OIDC issuer with the project's managed OAuth
 * credentials as clients, and point every planned authorizer's `discoveryUrl` at it — in memory only.
 */
import { startDevIssuer, type DevIssuer, type DevIssuerClient } from '../dev-issuer.js';
import { issuerClients, type SecretReader } from '../entries.js';
import { withDiscoveryUrl, type DevPlan } from '../plan.js';

export interface IssuerStep {
  issuer: DevIssuer;
  /** The clients the issuer was started with (config reload compares against them). */
  clients: DevIssuerClient[];
}

export async function startIssuer(
  plan: DevPlan,
  secrets: SecretReader,
  host: string,
  log: (line: string) => void,
): Promise<IssuerStep> {
  const clients = await issuerClients(plan, secrets, log);
  const issuer = await startDevIssuer({ clients, host });
  for (const r of [...plan.runtimes, ...plan.gateways]) r.config = withDiscoveryUrl(r.config, issuer.discoveryUrl);
  return { issuer, clients };
}
