/** `invoke -H` with a control character is a usage error raised before any network call. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

let sb: Sandbox;
let server: Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  sb = await createSandbox();
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"ok"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/invocations`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await sb.cleanup();
});

describe('invoke -H', () => {
  it.each([
    ['CR LF', 'X-A: b\r\nX-Evil: 1'],
    ['LF', 'X-A: b\nX-Evil: 1'],
    ['SOH', 'X-A: b\u0001c'],
    ['DEL', 'X-A: b\u007fc'],
  ])('refuses a value with %s as a usage error naming the header, before any request', async (_kind, header) => {
    const r = await sb.run(['invoke', 'hi', '--endpoint', url, '-H', header, '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    expect(r.json?.code).toBe('ERR_INVOKE_INPUT');
    expect(r.json?.message).toContain('"X-A"');
    expect(r.json?.actions?.[0]).toContain('X-A');
    expect(r.json?.details).toEqual({ header: 'X-A' });
    expect(r.stdout + r.stderr).not.toContain('X-Evil');
    expect(requests).toBe(0);
  });

  it('sends a well-formed header (tab inside a value is allowed)', async () => {
    const r = await sb.run(['invoke', 'hi', '--endpoint', url, '-H', 'X-A: b\tc', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(requests).toBe(1);
  });
});
