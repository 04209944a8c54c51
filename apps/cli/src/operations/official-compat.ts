/**
 * Which fields of a valid config the official AgentCore CLI (`@aws/agentcore` 0.30) would reject: this tool's
 * extensions beyond that release. Pure: config in, findings out. The official project schema is strict on
 * gateways, targets and `outboundAuth`, and its target table allows `OAUTH`/`NONE` outbound auth on `mcpServer`
 * targets only; AWS itself accepts an API key there
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-outbound-auth.html).
 */
import type { ProjectConfig } from '@agentcore/schema';

export const OFFICIAL_COMPAT_VERSION = '0.30';

export type CompatCode =
  'API_KEY_PLACEMENT' | 'MCP_SERVER_API_KEY' | 'OUTBOUND_TYPE' | 'RUNTIME_AUTH' | 'GATEWAY_AUTH' | 'CREDENTIAL_KIND';

export interface CompatFinding {
  code: CompatCode;
  /** Dotted path of the field, as in every validate message (e.g. `agentCoreGateways.0.targets.1.outboundAuth`). */
  path: string;
  params: Record<string, string>;
}

const OFFICIAL_OUTBOUND = ['OAUTH', 'API_KEY', 'NONE'];
const OFFICIAL_RUNTIME_AUTH = ['AWS_IAM', 'CUSTOM_JWT'];
const OFFICIAL_GATEWAY_AUTH = ['NONE', 'AWS_IAM', 'CUSTOM_JWT'];
/** The credential kinds (`credentials[].authorizerType`) the official project schema knows. */
const OFFICIAL_CREDENTIAL_KINDS = ['ApiKeyCredentialProvider', 'OAuthCredentialProvider'];

export function officialCompatFindings(config: ProjectConfig): CompatFinding[] {
  const out: CompatFinding[] = [];
  config.credentials.forEach((c, i) => {
    if (!OFFICIAL_CREDENTIAL_KINDS.includes(c.authorizerType))
      out.push({
        code: 'CREDENTIAL_KIND',
        path: `credentials.${i}.authorizerType`,
        params: { kind: c.authorizerType },
      });
  });
  config.runtimes.forEach((r, i) => {
    if (r.authorizerType !== undefined && !OFFICIAL_RUNTIME_AUTH.includes(r.authorizerType))
      out.push({ code: 'RUNTIME_AUTH', path: `runtimes.${i}.authorizerType`, params: { type: r.authorizerType } });
  });
  config.agentCoreGateways.forEach((g, gi) => {
    if (g.authorizerType !== undefined && !OFFICIAL_GATEWAY_AUTH.includes(g.authorizerType))
      out.push({
        code: 'GATEWAY_AUTH',
        path: `agentCoreGateways.${gi}.authorizerType`,
        params: { type: g.authorizerType },
      });
    g.targets.forEach((t, ti) => {
      const auth = t.outboundAuth;
      if (auth === undefined) return;
      const at = `agentCoreGateways.${gi}.targets.${ti}.outboundAuth`;
      const type = auth.type ?? 'NONE';
      if (!OFFICIAL_OUTBOUND.includes(type)) out.push({ code: 'OUTBOUND_TYPE', path: `${at}.type`, params: { type } });
      else if (type === 'API_KEY' && t.targetType === 'mcpServer')
        out.push({ code: 'MCP_SERVER_API_KEY', path: `${at}.type`, params: { target: t.name } });
      if (auth.apiKey !== undefined) out.push({ code: 'API_KEY_PLACEMENT', path: `${at}.apiKey`, params: {} });
    });
  });
  return out;
}
