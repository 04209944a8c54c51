/**
 * Real peers for the invoke / fetch access integration tests: the starter echo agent as a child process, a proxy
 * in front of it that admits only `Authorization: Bearer <JWT from the issuer>` (checked with jose against the
 * issuer's JWKS, as AgentCore would), and helpers to run the CLI and read NDJSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export const ECHO_AGENT = fileURLToPath(new URL('../templates/node-echo/main.js', import.meta.url));

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface Peer {
  url: string;
  close(): Promise<void>;
}

/** `node main.js` of the node-echo template on 127.0.0.1, ready when it prints its listening line. */
export async function startEchoAgent(env: Record<string, string> = {}): Promise<Peer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [ECHO_AGENT], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('echo agent did not start')), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`echo agent exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<Peer> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Forwards to `upstream` only requests bearing a JWT signed by `issuer`; others get a 401 JSON body like AgentCore's. */
export function startJwtProxy(
  issuer: { issuer: string; jwksUri: string },
  upstream: string,
): Promise<Peer & { admitted: string[] }> {
  const jwks = createRemoteJWKSet(new URL(issuer.jwksUri));
  const admitted: string[] = [];
  return startServer(async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    try {
      if (!token) throw new Error('missing bearer token');
      const { payload } = await jwtVerify(token, jwks, { issuer: issuer.issuer });
      admitted.push(String(payload.client_id));
    } catch {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'OAuth authorization failed: invalid token' }));
      return;
    }
    const headers = { ...req.headers };
    delete headers.authorization;
    const up = request(`${upstream}${req.url ?? '/'}`, { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  }).then((peer) => ({ ...peer, admitted }));
}

export interface NdjsonOutput {
  events: { type: string; text?: string; message?: string; value?: unknown }[];
  envelope:
    | {
        status?: number;
        result?: Record<string, unknown>;
        code?: string;
        actions?: string[];
        details?: Record<string, unknown>;
        exitCode?: number;
        warnings?: string[];
      }
    | undefined;
}

/** `invoke --json` prints one event per line, then the envelope. */
export function parseNdjson(stdout: string): NdjsonOutput {
  const docs = stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = docs.at(-1);
  const isEnvelope = last !== undefined && ('status' in last || 'code' in last);
  return {
    events: (isEnvelope ? docs.slice(0, -1) : docs) as NdjsonOutput['events'],
    envelope: isEnvelope ? (last as NdjsonOutput['envelope']) : undefined,
  };
}
