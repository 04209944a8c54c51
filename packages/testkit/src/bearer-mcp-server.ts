/**
 * Test peer: a real MCP server (@modelcontextprotocol/sdk, streamable HTTP, stateless) on 127.0.0.1:0 that only
 * answers requests carrying `Authorization: Bearer <JWT>` signed by the given issuer (jose, remote JWKS), with the
 * expected audience and, optionally, a required scope. Everything else gets 401.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface BearerMcpServer {
  url: string;
  /** Every request's outcome, oldest first. */
  readonly seen: { authorized: boolean; clientId?: string; scope?: string }[];
  close(): Promise<void>;
}

export async function startBearerMcpServer(opts: {
  issuer: string;
  jwksUri: string;
  audience: string;
  requiredScope?: string;
}): Promise<BearerMcpServer> {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  const seen: BearerMcpServer['seen'] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const auth = req.headers.authorization ?? '';
      const token = /^Bearer (.+)$/.exec(auth)?.[1];
      let claims: Record<string, unknown> | undefined;
      if (token) {
        try {
          claims = (await jwtVerify(token, jwks, { issuer: opts.issuer, audience: opts.audience })).payload;
        } catch {
          claims = undefined;
        }
      }
      const scope = typeof claims?.scope === 'string' ? claims.scope : undefined;
      const ok = claims !== undefined && (!opts.requiredScope || (scope ?? '').split(' ').includes(opts.requiredScope));
      seen.push({
        authorized: ok,
        clientId: typeof claims?.client_id === 'string' ? claims.client_id : undefined,
        scope,
      });
      if (!ok) {
        res
          .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
          .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'unauthorized' }, id: null }));
        return;
      }
      const mcp = new McpServer({ name: 'oauth-protected', version: '0.0.1' });
      mcp.registerTool(
        'add',
        { description: 'Add two numbers', inputSchema: { a: z.number(), b: z.number() } },
        ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
      );
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => void transport.close().then(() => mcp.close()));
      await mcp.connect(transport);
      const chunks: Buffer[] = [];
      for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
      const body = Buffer.concat(chunks).toString('utf8');
      await transport.handleRequest(req, res, body ? (JSON.parse(body) as unknown) : undefined);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
