/** Gateway emulator against real MCP servers that require an API key in a header or a query parameter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer, startOidcIssuer, type OidcIssuer, type TestMcpServer } from '@agentcore/testkit';
import { credentialEnvNames } from '@agentcore/schema';
import { freePort } from './agent-process.js';
import { startDev, type DevSession } from './start-dev.js';
import { testRegistry, secretsOf } from './test-helpers/strategies.js';
import { config, tempProject } from './test-helpers/project.js';

let bearerServer: TestMcpServer;
let queryServer: TestMcpServer;
let openServer: TestMcpServer;
let idp: OidcIssuer;
let dev: DevSession;
let project: { root: string; cleanup(): Promise<void> };
const logs: string[] = [];

async function mcp(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'gateway-test', version: '0.0.1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

beforeAll(async () => {
  bearerServer = await startMcpServer({ auth: { location: 'HEADER', name: 'Authorization', value: 'Bearer key-one' } });
  queryServer = await startMcpServer({ auth: { location: 'QUERY_PARAMETER', name: 'api_key', value: 'key-two' } });
  openServer = await startMcpServer();
  idp = await startOidcIssuer();
  const refused = `http://127.0.0.1:${await freePort()}/mcp`;
  project = await tempProject({});
  dev = await startDev({
    root: project.root,
    registry: testRegistry(),
    sessionFile: false,
    log: (l) => logs.push(l),
    secrets: secretsOf({
      [credentialEnvNames('KeyOne').apiKey]: 'key-one',
      [credentialEnvNames('KeyTwo').apiKey]: 'key-two',
    }),
    config: config({
      agentCoreGateways: [
        {
          name: 'tools',
          targets: [
            {
              name: 'bearer',
              targetType: 'mcpServer',
              endpoint: bearerServer.url,
              outboundAuth: {
                type: 'API_KEY',
                credentialName: 'KeyOne',
                apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
              },
            },
            {
              name: 'query',
              targetType: 'mcpServer',
              endpoint: queryServer.url,
              outboundAuth: {
                type: 'API_KEY',
                credentialName: 'KeyTwo',
                apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
              },
            },
            {
              name: 'lambdaTools',
              targetType: 'lambdaFunctionArn',
              lambdaFunctionArn: {
                lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
                toolSchemaFile: 'tools.json',
              },
            },
          ],
        },
        {
          name: 'broken',
          targets: [
            {
              name: 'misplaced',
              targetType: 'mcpServer',
              endpoint: bearerServer.url,
              outboundAuth: { type: 'API_KEY', credentialName: 'KeyOne' },
            },
            { name: 'down', targetType: 'mcpServer', endpoint: refused },
          ],
        },
        {
          name: 'jwt',
          authorizerType: 'CUSTOM_JWT',
          authorizerConfiguration: {
            customJwtAuthorizer: { discoveryUrl: idp.discoveryUrl, allowedClients: ['agent-client'] },
          },
          targets: [{ name: 'open', targetType: 'mcpServer', endpoint: openServer.url }],
        },
        {
          name: 'iam',
          authorizerType: 'AWS_IAM',
          targets: [{ name: 'open', targetType: 'mcpServer', endpoint: openServer.url }],
        },
      ],
    }),
  });
}, 30_000);

afterAll(async () => {
  await dev?.close();
  await bearerServer?.close();
  await queryServer?.close();
  await openServer?.close();
  await idp?.close();
  await project?.cleanup();
});

describe('gateway emulator', () => {
  it('lists the tools of mcpServer targets as <target>___<tool> and reports others as not emulated', async () => {
    const client = await mcp(dev.gateways.tools ?? '');
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['bearer___add', 'bearer___echo', 'query___add', 'query___echo']);
    } finally {
      await client.close();
    }
    expect(dev.skipped).toEqual([expect.objectContaining({ kind: 'target', name: 'lambdaTools', gateway: 'tools' })]);
  });

  it('calls tools through the upstream with the key where the placement says', async () => {
    const client = await mcp(dev.gateways.tools ?? '');
    try {
      const r1 = await client.callTool({ name: 'bearer___add', arguments: { a: 2, b: 40 } });
      expect(r1.content).toEqual([{ type: 'text', text: '42' }]);
      expect(bearerServer.lastRequest()?.headers.authorization).toBe('Bearer key-one');
      const r2 = await client.callTool({ name: 'query___echo', arguments: { text: 'hello' } });
      expect(r2.content).toEqual([{ type: 'text', text: 'hello' }]);
      expect(new URL(queryServer.lastRequest()?.url ?? '', 'http://x').searchParams.get('api_key')).toBe('key-two');
      expect(queryServer.lastRequest()?.headers['x-api-key']).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('a wrong placement surfaces the upstream 401 as an MCP error naming the target; no key in the message', async () => {
    const client = await mcp(dev.gateways.broken ?? '');
    try {
      const err = (await client
        .callTool({ name: 'misplaced___add', arguments: { a: 1, b: 1 } })
        .catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toContain('Target misplaced');
      expect(err.message).toContain('401');
      expect(err.message).toContain('check the credential and the placement');
      expect(err.message).not.toContain('key-one');
      const down = (await client
        .callTool({ name: 'down___add', arguments: { a: 1, b: 1 } })
        .catch((e: unknown) => e)) as Error;
      expect(down.message).toContain('Target down');
      expect(down.message).toContain('connection refused');
      const unknown = (await client.callTool({ name: 'nope', arguments: {} }).catch((e: unknown) => e)) as Error;
      expect(unknown.message).toContain('Unknown tool');
    } finally {
      await client.close();
    }
    expect(logs.join('\n')).not.toContain('key-one');
  });

  it('applies the gateway inbound auth (AWS_IAM: unsigned → 403)', async () => {
    const res = await fetch(dev.gateways.iam ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(403);
    const client = await mcp(dev.gateways.iam ?? '', {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=abc',
    });
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('open___add');
    } finally {
      await client.close();
    }
  });

  it('applies a CUSTOM_JWT gateway authorizer through the strategy (401 without a token, tools with one)', async () => {
    const res = await fetch(dev.gateways.jwt ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const client = await mcp(dev.gateways.jwt ?? '', {
      authorization: `Bearer ${await idp.requestToken('agent-client', 'agent-secret')}`,
    });
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('open___echo');
    } finally {
      await client.close();
    }
  });
});
