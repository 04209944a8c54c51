/**
 * Recorded control-plane responses (shapes from the @aws-sdk/client-bedrock-agentcore-control models) and a
 * local REST endpoint on 127.0.0.1 that serves them as AWS would (restJson1 paths, pagination, error headers),
 * so the real SDK client runs request signing, pagination and error mapping.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const KEY_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/MyKey';
export const OTHER_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/Unknown';

export const apiKeyEntry = (arn: string, placement: Record<string, string>) => ({
  credentialProviderType: 'API_KEY',
  credentialProvider: { apiKeyCredentialProvider: { providerArn: arn, ...placement } },
});

export function gatewayResponses(options: { placement?: Record<string, string>; arn?: string } = {}) {
  return {
    GetGateway: {
      gatewayId: 'gw1',
      gatewayArn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/gw1',
      name: 'Demo-tools',
      status: 'READY',
      authorizerType: 'NONE',
      protocolType: 'MCP',
      protocolConfiguration: { mcp: { searchType: 'SEMANTIC' } },
      roleArn: 'arn:aws:iam::123456789012:role/gw',
    },
    ListGatewayTargets: [
      { items: [{ targetId: 't1', name: 'search' }], nextToken: 'page2' },
      { items: [{ targetId: 't2', name: 'stage' }] },
    ],
    GetGatewayTarget: {
      t1: {
        targetId: 't1',
        name: 'search',
        targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://mcp.example.com/mcp' } } },
        credentialProviderConfigurations: [
          apiKeyEntry(
            options.arn ?? KEY_ARN,
            options.placement ?? { credentialLocation: 'QUERY_PARAMETER', credentialParameterName: 'api_key' },
          ),
        ],
      },
      t2: {
        targetId: 't2',
        name: 'stage',
        targetConfiguration: {
          mcp: {
            apiGateway: {
              restApiId: 'abc123',
              stage: 'prod',
              apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/pets', methods: ['GET'] }] },
            },
          },
        },
        credentialProviderConfigurations: [{ credentialProviderType: 'GATEWAY_IAM_ROLE' }],
      },
    },
  };
}

export interface ControlPlane {
  url: string;
  requests: { method: string; path: string; authorization?: string }[];
  close(): Promise<void>;
}

type Recorded = ReturnType<typeof gatewayResponses>;

/** Serve `responses` under the control plane's REST paths; `denied` gateway ids answer 403 AccessDeniedException. */
export async function startControlPlane(
  responses: Recorded,
  options: { denied?: string[] } = {},
): Promise<ControlPlane> {
  const requests: ControlPlane['requests'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
    });
    const send = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        'x-amzn-requestid': 'req-1',
      });
      res.end(JSON.stringify(body));
    };
    const m = /^\/gateways\/([^/]+)\/(?:targets\/(?:([^/]+)\/)?)?$/.exec(url.pathname);
    const gatewayId = m?.[1];
    if (!m || req.method !== 'GET' || !gatewayId)
      return send(404, { message: 'Unknown operation' }, 'UnknownOperationException');
    if (options.denied?.includes(gatewayId))
      return send(
        403,
        { message: 'User is not authorized to perform: bedrock-agentcore:GetGateway' },
        'AccessDeniedException',
      );
    if (gatewayId !== responses.GetGateway.gatewayId)
      return send(404, { message: `Gateway ${gatewayId} not found` }, 'ResourceNotFoundException');
    const isList = url.pathname.endsWith('/targets/') && m[2] === undefined;
    if (isList) {
      const token = url.searchParams.get('nextToken');
      const pages = responses.ListGatewayTargets;
      const index = token === null ? 0 : pages.findIndex((p) => 'nextToken' in p && p.nextToken === token) + 1;
      return send(200, pages[index] ?? { items: [] });
    }
    if (m[2]) {
      const t = (responses.GetGatewayTarget as Record<string, unknown>)[m[2]];
      return t ? send(200, t) : send(404, { message: 'Target not found' }, 'ResourceNotFoundException');
    }
    return send(200, responses.GetGateway);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
