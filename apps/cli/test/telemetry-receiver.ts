/**
 * A minimal OTLP/HTTP JSON receiver on 127.0.0.1 for the telemetry tests (counts TCP connections, decodes span
 * attributes), and the matching of `telemetry audit` entries to the spans that were received.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export interface Span {
  name: string;
  attributes: Record<string, unknown>;
}
type OtlpValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  arrayValue?: { values?: OtlpValue[] };
};

const decode = (v: OtlpValue): unknown =>
  v.stringValue ??
  v.boolValue ??
  (v.intValue !== undefined ? Number(v.intValue) : v.arrayValue ? (v.arrayValue.values ?? []).map(decode) : undefined);

export async function startReceiver() {
  /** Client ports of the accepted connections; those of our own probes (see `settled`) are not counted. */
  const accepted: number[] = [];
  const probes = new Set<number>();
  const spans: Span[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      if (req.url === '/v1/traces') {
        const parsed = JSON.parse(body) as {
          resourceSpans: {
            scopeSpans: { spans: { name: string; attributes: { key: string; value: OtlpValue }[] }[] }[];
          }[];
        };
        for (const rs of parsed.resourceSpans)
          for (const ss of rs.scopeSpans)
            for (const s of ss.spans)
              spans.push({
                name: s.name,
                attributes: Object.fromEntries(s.attributes.map((a) => [a.key, decode(a.value)])),
              });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.on('connection', (socket) => accepted.push(socket.remotePort ?? -1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Connections accepted so far; call {@link settled} first to include every one already made. */
    connections: () => accepted.filter((p) => !probes.has(p)).length,
    /**
     * Resolves once the server has accepted a probe connection opened now: the listen queue is first in, first
     * out, so every connection a client made before this call has been counted by then.
     */
    settled: () =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('error', reject);
        socket.once('connect', () => {
          const local = socket.localPort ?? -1;
          probes.add(local);
          const check = () => {
            if (accepted.includes(local)) {
              socket.destroy();
              resolve();
            } else setImmediate(check);
          };
          check();
        });
      }),
    spans,
    bodies,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export const poll = async (check: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * The span exported for an audited event, found by the event's id (`agentcore.event_id`). Command name and
 * duration are no identity: two runs of one command often take the same number of milliseconds.
 */
export function spanForEvent(event: { event_id?: string }, spans: readonly Span[]): Span {
  const found = spans.filter(
    (s) => event.event_id !== undefined && s.attributes['agentcore.event_id'] === event.event_id,
  );
  if (found.length !== 1)
    throw new Error(`expected exactly one span with agentcore.event_id ${String(event.event_id)}, got ${found.length}`);
  return found[0] as Span;
}
