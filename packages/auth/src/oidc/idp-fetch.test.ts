/**
 * Talking to identity providers, against real local HTTP servers: loopback decided on the parsed address, the
 * issuer of the discovery document checked against its URL, same-origin redirects only, https-or-loopback on every
 * URL fetched, and bodies capped in size and time (a server streaming a huge body slowly cannot hold the client).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../errors.js';
import { authorizeJwt } from '../jwt/index.js';
import { fetchClientCredentialsToken } from '../oauth/index.js';
import {
  clearDiscoveryCache,
  discoverIssuer,
  isAllowedIdpUrl,
  isLoopbackHost,
  MAX_IDP_RESPONSE_BYTES,
} from './discovery.js';

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

interface TestServer {
  base: string;
  /** Bytes the current streaming handler managed to write before the client went away. */
  written: { bytes: number; closed: Promise<void> };
  handle(h: Handler): void;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => res.writeHead(404).end();
  let base = '';
  const written = { bytes: 0, closed: Promise.resolve() };
  const server: Server = createServer((req, res) => handler(req, res, base));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    written,
    handle: (h) => (handler = h),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Stream `total` bytes of JSON-ish filler in `chunk`-sized writes, `everyMs` apart (0: as fast as the socket drains). */
function stream(server: TestServer, prefix: string, total: number, chunk: number, everyMs: number): Handler {
  return (_req, res) => {
    server.written.bytes = 0;
    server.written.closed = new Promise((resolve) => res.on('close', resolve));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(prefix);
    const block = Buffer.alloc(chunk, 0x20);
    const next = () => {
      if (res.destroyed || server.written.bytes >= total) return void res.end('}');
      server.written.bytes += chunk;
      const ok = res.write(block);
      if (everyMs > 0) setTimeout(next, everyMs);
      else if (ok) setImmediate(next);
      else res.once('drain', next);
    };
    next();
  };
}

async function failure(p: Promise<unknown>): Promise<AuthError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

describe('loopback is decided on the parsed address', () => {
  it.each([
    '127.0.0.1',
    '127.1',
    '2130706433',
    '0x7f.1',
    'LOCALHOST',
    'localhost',
    '[::1]',
    '::1',
    '127.0.0.2',
    '127.255.255.254',
    '[::ffff:127.0.0.1]',
  ])('%s is loopback', (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each([
    'localhost.evil.com',
    'evil.localhost.com',
    '128.0.0.1',
    '10.0.0.1',
    '[::2]',
    'example.com',
    '127.0.0.1.nip.io',
    '',
  ])('%s is not', (host) => expect(isLoopbackHost(host)).toBe(false));
  it('allows https anywhere and http on loopback only', () => {
    expect(isAllowedIdpUrl('https://idp.example.com/x')).toBe(true);
    expect(isAllowedIdpUrl('http://127.1:8080/x')).toBe(true);
    expect(isAllowedIdpUrl('http://2130706433/x')).toBe(true);
    expect(isAllowedIdpUrl('http://localhost.evil.com/x')).toBe(false);
    expect(isAllowedIdpUrl('http://idp.example.com/x')).toBe(false);
    expect(isAllowedIdpUrl('ftp://127.0.0.1/x')).toBe(false);
    expect(isAllowedIdpUrl('not a url')).toBe(false);
  });
});

describe('discovery, redirects and the URLs fetched', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startServer();
    b = await startServer();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });
  afterEach(() => clearDiscoveryCache());
  const doc =
    (issuer: string, extra: Record<string, unknown> = {}): Handler =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer, ...extra }));
    };

  it('accepts a document whose issuer is the issuer its URL names', async () => {
    a.handle(doc(a.base));
    expect((await discoverIssuer(`${a.base}/.well-known/openid-configuration`)).issuer).toBe(a.base);
  });

  it('refuses a document naming another issuer (RFC 8414 §3.3)', async () => {
    a.handle(doc('https://other.example.com'));
    const err = await failure(discoverIssuer(`${a.base}/.well-known/openid-configuration`));
    expect(err.code).toBe('ERR_DISCOVERY');
    expect(err.details).toMatchObject({ reason: 'issuer_mismatch', issuer: 'https://other.example.com' });
    expect(err.actions[0]).toMatch(/discovery URL of the issuer itself/);
  });

  it('refuses a discovery URL that names no issuer', async () => {
    const err = await failure(discoverIssuer(`${a.base}/openid-configuration`));
    expect(err.details).toMatchObject({ reason: 'not_a_discovery_url' });
  });

  it('follows a same-origin redirect, refuses one to another origin', async () => {
    a.handle((req, res, base) => {
      if (req.url === '/.well-known/openid-configuration')
        return void res.writeHead(302, { location: '/v2/.well-known/openid-configuration' }).end();
      doc(base)(req, res, base);
    });
    expect((await discoverIssuer(`${a.base}/.well-known/openid-configuration`)).issuer).toBe(a.base);
    clearDiscoveryCache();
    b.handle(doc(b.base));
    a.handle((_req, res) => res.writeHead(302, { location: `${b.base}/.well-known/openid-configuration` }).end());
    const err = await failure(discoverIssuer(`${a.base}/.well-known/openid-configuration`));
    expect(err.code).toBe('ERR_DISCOVERY');
    expect(err.details).toMatchObject({ reason: 'cross_origin_redirect' });
    expect(err.actions[0]).toMatch(/final URL/);
  });

  it('applies https-or-loopback to jwks_uri and token_endpoint from the document', async () => {
    a.handle(
      doc(a.base, { jwks_uri: 'http://idp.example.com/jwks', token_endpoint: 'http://localhost.evil.com/token' }),
    );
    const discoveryUrl = `${a.base}/.well-known/openid-configuration`;
    const token = `${Buffer.from('{"alg":"RS256","kid":"k"}').toString('base64url')}.${Buffer.from(`{"iss":"${a.base}"}`).toString('base64url')}.c2ln`;
    expect(await authorizeJwt(token, { discoveryUrl, allowedClients: ['c'] })).toMatchObject({
      ok: false,
      status: 401,
      rule: 'signature',
      reason: expect.stringMatching(/not HTTPS/),
    });
    const err = await failure(fetchClientCredentialsToken({ discoveryUrl, clientId: 'c', clientSecret: 's' }));
    expect(err.code).toBe('ERR_DISCOVERY');
    expect(err.details).toMatchObject({ reason: 'insecure_token_endpoint' });
  });
});

describe('response bodies are capped in size and time', () => {
  let idp: TestServer;
  beforeAll(async () => {
    idp = await startServer();
  });
  afterAll(() => idp.close());
  afterEach(() => clearDiscoveryCache());

  it('a discovery document streaming hundreds of MB stops at the cap, with memory bounded', async () => {
    idp.handle(stream(idp, `{"issuer":"x","pad":"`, 300 * 1024 * 1024, 64 * 1024, 0));
    const rss = process.memoryUsage().rss;
    const err = await failure(discoverIssuer(`${idp.base}/.well-known/openid-configuration`, { timeoutMs: 20_000 }));
    expect(err.code).toBe('ERR_DISCOVERY');
    expect(err.details).toMatchObject({ reason: 'body_too_large', limitBytes: MAX_IDP_RESPONSE_BYTES });
    await idp.written.closed;
    expect(idp.written.bytes).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().rss - rss).toBeLessThan(128 * 1024 * 1024);
  });

  it('a token endpoint streaming a huge body: ERR_TOKEN_RESPONSE at the cap', async () => {
    idp.handle((req, res, base) => {
      if (req.url === '/token')
        return stream(idp, '{"access_token":"', 300 * 1024 * 1024, 64 * 1024, 0)(req, res, base);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
    });
    const err = await failure(
      fetchClientCredentialsToken({
        discoveryUrl: `${idp.base}/.well-known/openid-configuration`,
        clientId: 'c',
        clientSecret: 's3cr3t',
        timeoutMs: 20_000,
      }),
    );
    expect(err.code).toBe('ERR_TOKEN_RESPONSE');
    expect(err.details).toMatchObject({ reason: 'body_too_large' });
    await idp.written.closed;
    expect(idp.written.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('a token endpoint trickling its body gives up at the timeout, which covers the body', async () => {
    const timeoutMs = 800;
    idp.handle((req, res, base) => {
      if (req.url === '/token') return stream(idp, '{"access_token":"', 1024 * 1024 * 1024, 16, 50)(req, res, base);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
    });
    const started = Date.now();
    const err = await failure(
      fetchClientCredentialsToken({
        discoveryUrl: `${idp.base}/.well-known/openid-configuration`,
        clientId: 'c',
        clientSecret: 's3cr3t',
        timeoutMs,
      }),
    );
    const elapsed = Date.now() - started;
    expect(err.code).toBe('ERR_TOKEN_REQUEST');
    expect(err.details).toMatchObject({ reason: 'timeout' });
    // The body trickles for years: ending at all, with reason timeout, shows the deadline covers the body. No upper
    // wall-clock bound (a loaded machine only makes it later); the lower one shows it did not give up early.
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
  });
});
