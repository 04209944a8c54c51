/** The dev servers never answer 5xx to hostile input: a strategy that throws, malformed percent-encoding in paths. */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StrategyRegistry, STRATEGY_CONTRACT_VERSION, type InboundStrategy } from '@agentcore/auth';
import { startDev, type DevSession } from './start-dev.js';
import { createRuntimeHandler, type RuntimeEntry } from './runtime-emulator.js';
import { createGatewayHandler } from './gateway-emulator.js';
import type { AgentProcess } from './agent-process.js';
import { secretsOf } from './test-helpers/strategies.js';
import { config, tempProject } from './test-helpers/project.js';

const throwing: InboundStrategy<unknown> = {
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: 'throws',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.any(),
  fromFlags: () => ({ ok: false, problems: [] }),
  verify: () => {
    throw new RangeError('Invalid time value');
  },
};

/** A raw request (the path is sent as is, without the URL parser normalising it). */
function send(port: number, path: string, method = 'POST'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('a strategy that throws while verifying', () => {
  let server: Server;
  const logs: string[] = [];
  beforeAll(async () => {
    const runtime = createRuntimeHandler({ baseUrl: () => 'http://127.0.0.1', log: (l) => logs.push(l) });
    const gateway = createGatewayHandler({ baseUrl: () => 'http://127.0.0.1', log: (l) => logs.push(l) });
    const agent = { running: true, host: '127.0.0.1', port: 9 } as unknown as AgentProcess;
    const rt: RuntimeEntry = { name: 'R', type: 'CUSTOM_JWT', strategy: throwing, config: {}, allowlist: [], agent };
    server = createServer((req, res) => {
      if (req.url?.startsWith('/gw'))
        void gateway.handle(req, res, { name: 'G', type: 'CUSTOM_JWT', strategy: throwing, config: {}, targets: [] });
      else void runtime.handle(req, res, rt);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(['/rt', '/gw'])('%s answers 401 with a generic reason and logs the failure', async (path) => {
    const { status, body } = await send((server.address() as AddressInfo).port, path);
    expect(status).toBe(401);
    expect(body).toMatchObject({
      devRule: 'strategy',
      devReason: expect.stringMatching(/could not verify the request/),
    });
    expect(JSON.stringify(body)).not.toContain('Invalid time value');
    expect(logs.join('\n')).toMatch(/strategy threw while verifying: Invalid time value/);
  });
});

describe('malformed percent-encoding in dev server paths', () => {
  let dev: DevSession;
  let project: { root: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    project = await tempProject({});
    dev = await startDev({
      root: project.root,
      registry: new StrategyRegistry().register(throwing),
      secrets: secretsOf({}),
      sessionFile: false,
      log: () => undefined,
      config: config({ agentCoreGateways: [{ name: 'gw', targets: [] }] }),
    });
  });
  afterAll(async () => {
    await dev?.close();
    await project?.cleanup();
  });

  it.each([
    '/runtimes/%ZZ/invocations',
    '/runtimes/%E0%A4%A/invocations',
    '/runtimes/%C0%AF/invocations',
    '/gateways/%ZZ/mcp',
    '/gateways/%FF/mcp',
    '/gateways/gw%/mcp',
  ])('%s → 400 with a JSON body', async (path) => {
    const { status, body } = await send(Number(new URL(dev.url).port), path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ message: expect.stringMatching(/percent-encoded/) });
  });

  it('a well-formed but unknown name is still 404 (runtimes) / 403 (elsewhere)', async () => {
    const port = Number(new URL(dev.url).port);
    expect((await send(port, '/runtimes/%41gent/invocations')).status).toBe(404);
    expect((await send(port, '/gateways/n%C3%A9/mcp')).status).toBe(403);
  });
});
