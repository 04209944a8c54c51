import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMcpServer, type McpServerAuth, type TestMcpServer } from '@agentcore/testkit';
import { ApiKeyError } from './errors.js';
import type { ApiKeyOutboundAuth } from './placement.js';
import { applyApiKey, describeApiKey, previewApiKey, setQueryParameter } from './request.js';

const KEY = 'test-key-123';
const secret = { value: KEY, credentialName: 'MyKey' };
const auth = (apiKey?: ApiKeyOutboundAuth['apiKey']): ApiKeyOutboundAuth => ({
  type: 'API_KEY',
  credentialName: 'MyKey',
  ...(apiKey ? { apiKey } : {}),
});

describe('applyApiKey (pure)', () => {
  const base = { method: 'POST', url: 'https://api.example.com/mcp', headers: { accept: 'application/json' } };
  it('uses x-api-key by default', () => {
    expect(applyApiKey(base, auth(), secret).headers).toEqual({ accept: 'application/json', 'x-api-key': KEY });
  });
  it('puts a prefixed key in a custom header, replacing any same-named header', () => {
    const r = applyApiKey(
      { ...base, headers: { authorization: 'old' } },
      auth({ parameterName: 'Authorization', prefix: 'Bearer' }),
      secret,
    );
    expect(r.headers).toEqual({ Authorization: `Bearer ${KEY}` });
    expect(base.headers).toEqual({ accept: 'application/json' }); // input untouched
  });
  it('keeps a prefix that already ends in whitespace as is', () => {
    expect(
      applyApiKey(base, auth({ parameterName: 'Authorization', prefix: 'Token ' }), secret).headers.Authorization,
    ).toBe(`Token ${KEY}`);
  });
  it('URL-encodes a query parameter and replaces existing values of that name only', () => {
    const r = applyApiKey(
      { ...base, url: 'https://h/mcp?a=1&api_key=old&b=x%20y&api_key=old2#frag' },
      auth({ location: 'QUERY_PARAMETER', parameterName: 'api_key', prefix: 'K' }),
      { value: 'a&b=c', credentialName: 'MyKey' },
    );
    expect(r.url).toBe('https://h/mcp?a=1&b=x%20y&api_key=K%20a%26b%3Dc#frag');
    expect(new URL(r.url).searchParams.get('api_key')).toBe('K a&b=c');
    expect(r.headers).toEqual(base.headers);
  });
  it('refuses a key with CR/LF without echoing it', () => {
    try {
      applyApiKey(base, auth(), { value: 'k\r\nX-Evil: 1', credentialName: 'MyKey' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiKeyError);
      expect((err as ApiKeyError).code).toBe('ERR_APIKEY_VALUE_INVALID');
      expect((err as ApiKeyError).actions[0]).toBe(
        'Store the key again without line breaks: `agentcore add credential --type api-key --name MyKey --api-key - --force`.',
      );
      expect(JSON.stringify((err as ApiKeyError).toJSON())).not.toContain('X-Evil');
    }
  });
  it('setQueryParameter adds a query to a URL without one', () => {
    expect(setQueryParameter('https://h/mcp', 'k', 'v')).toBe('https://h/mcp?k=v');
  });
});

describe('previewApiKey / describeApiKey', () => {
  it('masks the key', () => {
    expect(
      previewApiKey(auth({ parameterName: 'Authorization', prefix: 'Bearer' }), 'https://api.example.com/mcp'),
    ).toBe('POST https://api.example.com/mcp  header Authorization: Bearer ****');
    expect(
      previewApiKey(auth({ location: 'QUERY_PARAMETER', parameterName: 'api_key' }), 'https://api.example.com/mcp'),
    ).toBe('POST https://api.example.com/mcp?api_key=****');
    expect(previewApiKey(auth(), 'https://api.example.com/mcp')).toBe(
      'POST https://api.example.com/mcp  header x-api-key: ****',
    );
    expect(describeApiKey(auth({ location: 'QUERY_PARAMETER' }))).toBe(
      'API key MyKey in query parameter x-api-key=<key>',
    );
  });
});

/** An MCP client whose request is built by applyApiKey, as the gateway would build it. */
async function callAdd(server: TestMcpServer, config: ApiKeyOutboundAuth): Promise<{ tools: string[]; sum: string }> {
  const req = applyApiKey({ method: 'POST', url: server.url, headers: {} }, config, secret);
  const transport = new StreamableHTTPClientTransport(new URL(req.url), { requestInit: { headers: req.headers } });
  const client = new Client({ name: 'agentcore-test', version: '0.0.1' });
  try {
    await client.connect(transport);
    const tools = (await client.listTools()).tools.map((t) => t.name).sort();
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } });
    const content = result.content as { type: string; text: string }[];
    return { tools, sum: content[0]?.text ?? '' };
  } finally {
    await client.close();
  }
}

describe('applyApiKey against a real MCP server that accepts the key only in one place', () => {
  const cases: { name: string; server: McpServerAuth; config: ApiKeyOutboundAuth; wrong: ApiKeyOutboundAuth }[] = [
    {
      name: 'header with prefix',
      server: { location: 'HEADER', name: 'Authorization', value: `Bearer ${KEY}` },
      config: auth({ parameterName: 'Authorization', prefix: 'Bearer' }),
      wrong: auth({ parameterName: 'Authorization' }),
    },
    {
      name: 'default x-api-key header',
      server: { location: 'HEADER', name: 'x-api-key', value: KEY },
      config: auth(),
      wrong: auth({ location: 'QUERY_PARAMETER' }),
    },
    {
      name: 'custom header',
      server: { location: 'HEADER', name: 'X-Tools-Key', value: KEY },
      config: auth({ parameterName: 'X-Tools-Key' }),
      wrong: auth(),
    },
    {
      name: 'query parameter',
      server: { location: 'QUERY_PARAMETER', name: 'api_key', value: KEY },
      config: auth({ location: 'QUERY_PARAMETER', parameterName: 'api_key' }),
      wrong: auth({ parameterName: 'api_key' }),
    },
  ];
  const servers: TestMcpServer[] = [];
  beforeAll(async () => {
    for (const c of cases) servers.push(await startMcpServer({ auth: c.server }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  cases.forEach((c, i) => {
    it(`${c.name}: lists tools and calls add`, async () => {
      const server = servers[i];
      if (!server) throw new TypeError('server not started');
      await expect(callAdd(server, c.config)).resolves.toEqual({ tools: ['add', 'echo'], sum: '42' });
      expect(server.lastRequest()?.authorized).toBe(true);
    }, 15_000);
    it(`${c.name}: the wrong placement is refused with 401`, async () => {
      const server = servers[i];
      if (!server) throw new TypeError('server not started');
      await expect(callAdd(server, c.wrong)).rejects.toThrow(/401|invalid api key/);
      expect(server.lastRequest()?.authorized).toBe(false);
    }, 15_000);
  });

  it('the upstream received exactly `Authorization: Bearer <key>`', () => {
    const headers = servers[0]?.requests.find((r) => r.authorized)?.headers;
    expect(headers?.authorization).toBe(`Bearer ${KEY}`);
    expect(headers?.['x-api-key']).toBeUndefined();
  });
});
