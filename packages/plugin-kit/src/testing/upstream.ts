import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  accepted: boolean;
}

export interface RecordingUpstream {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  /** Every request, oldest first. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordingUpstreamOptions {
  /** Decide whether a request carries the right credential; refused requests get 401. Default: accept all. */
  accept?: (request: Omit<RecordedRequest, 'accepted'>) => boolean;
}

const MAX_BODY = 1024 * 1024;

/**
 * A real MCP-speaking upstream on 127.0.0.1:0 (JSON-RPC over HTTP POST, JSON responses) with one tool, `echo`. It
 * records every request and answers 401 to those `accept` refuses — point a gateway target at it to check what an
 * outbound strategy puts on the wire.
 */
export async function startRecordingUpstream(options: RecordingUpstreamOptions = {}): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const seen = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const accepted = size <= MAX_BODY && (options.accept?.(seen) ?? true);
      requests.push({ ...seen, accepted });
      if (!accepted) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(seen.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The JSON-RPC reply to one request: initialize, tools/list and tools/call of `echo`. */
function answer(body: string): unknown {
  let msg: { id?: unknown; method?: unknown; params?: { arguments?: { text?: unknown } } };
  try {
    msg = JSON.parse(body) as typeof msg;
  } catch {
    return { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } };
  }
  const id = msg.id ?? null;
  switch (msg.method) {
    case 'initialize':
      return {
        jsonrpc: '2.0',
        id,
        result: {
          protocolVersion: '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: { name: 'recording-upstream', version: '0.0.1' },
        },
      };
    case 'tools/list':
      return {
        jsonrpc: '2.0',
        id,
        result: {
          tools: [
            {
              name: 'echo',
              description: 'Echo the text back',
              inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
            },
          ],
        },
      };
    case 'tools/call':
      return {
        jsonrpc: '2.0',
        id,
        result: { content: [{ type: 'text', text: String(msg.params?.arguments?.text ?? '') }] },
      };
    default:
      return { jsonrpc: '2.0', id, result: {} };
  }
}
