/** A minimal OTLP/HTTP (JSON) trace receiver on 127.0.0.1 for tests: counts connections, decodes spans. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSpan {
  name: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  status?: { code?: number };
}

export interface Receiver {
  endpoint: string;
  connections: () => number;
  spans: ReceivedSpan[];
  /** Resolves once `n` spans arrived; rejects after `timeoutMs`. */
  waitForSpans(n: number, timeoutMs?: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

type OtlpValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
};
type OtlpKv = { key: string; value: OtlpValue };

function decode(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(decode);
  return undefined;
}
const toRecord = (kvs: OtlpKv[] = []) => Object.fromEntries(kvs.map((kv) => [kv.key, decode(kv.value)]));

export interface ReceiverOptions {
  /** Called with the request's number (1, 2, …) once its spans are decoded, before the response is sent. */
  onRequest?: (n: number) => void | Promise<void>;
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  let requests = 0;
  let connections = 0;
  const spans: ReceivedSpan[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: {
            resource?: { attributes?: OtlpKv[] };
            scopeSpans?: { spans?: { name: string; attributes?: OtlpKv[]; status?: { code?: number } }[] }[];
          }[];
        };
        for (const rs of body.resourceSpans ?? []) {
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? [])
              spans.push({
                name: s.name,
                attributes: toRecord(s.attributes),
                resource: toRecord(rs.resource?.attributes),
                status: s.status,
              });
          }
        }
        waiters.splice(0).forEach((w) => w());
      }
      void Promise.resolve(options.onRequest?.(++requests)).finally(() =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
      );
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    connections: () => connections,
    spans,
    waitForSpans(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${n} spans within ${timeoutMs} ms, got ${spans.length}`)),
          timeoutMs,
        );
        const check = () => {
          if (spans.length >= n) {
            clearTimeout(timer);
            resolve(spans.slice(0, n));
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
