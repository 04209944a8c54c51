/**
 * Usage telemetry through the built CLI, against a real OTLP/HTTP receiver on 127.0.0.1 written here: off by
 * default (no connection, no audit file), opt-in export with the auth strategies' safe attributes, and nothing
 * identifying in what is sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryAuditResult } from '../src/commands/telemetry/audit.js';
import type { TelemetryStatusResult } from '../src/commands/telemetry/status.js';
import { createSandbox, fileMode, type Sandbox } from './helpers.js';

interface Span {
  name: string;
  attributes: Record<string, unknown>;
}
type OtlpValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  arrayValue?: { values?: OtlpValue[] };
};

/** Minimal OTLP/HTTP JSON receiver: counts TCP connections, decodes span attributes. */
async function startReceiver() {
  let connections = 0;
  const spans: Span[] = [];
  const bodies: string[] = [];
  const decode = (v: OtlpValue): unknown =>
    v.stringValue ??
    v.boolValue ??
    (v.intValue !== undefined
      ? Number(v.intValue)
      : v.arrayValue
        ? (v.arrayValue.values ?? []).map(decode)
        : undefined);
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
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    spans,
    bodies,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const poll = async (check: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const TARGET_URL = 'https://tools.example.com/mcp';
const SECRET = 'sk-live-Telemetry-Secret-9f8e7d';

describe('telemetry through the built CLI', () => {
  let sb: Sandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let root: string;
  const configDir = () => sb.env.AGENTCORE_CONFIG_DIR ?? '';
  const run = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
    sb.run([...args, '--json'], { cwd: root, env, ...(input === undefined ? {} : { input }) });

  /** Everything that makes a project: the commands whose events are checked below. */
  async function addResources(env: NodeJS.ProcessEnv, suffix: string) {
    const steps: [string[], string?][] = [
      [['add', 'credential', '--name', `Key${suffix}`, '--type', 'api-key', '--api-key', '-'], `${SECRET}\n`],
      [['add', 'gateway', '--name', `Gw${suffix}`]],
      [
        [
          'add',
          'gateway-target',
          '--name',
          `Plain${suffix}`,
          '--gateway',
          `Gw${suffix}`,
          '--type',
          'mcp-server',
          '--endpoint',
          TARGET_URL,
          '--outbound-auth',
          'api-key',
          '--credential-name',
          `Key${suffix}`,
        ],
      ],
      [
        [
          'add',
          'gateway-target',
          '--name',
          `Query${suffix}`,
          '--gateway',
          `Gw${suffix}`,
          '--type',
          'mcp-server',
          '--endpoint',
          TARGET_URL,
          '--outbound-auth',
          'api-key',
          '--credential-name',
          `Key${suffix}`,
          '--api-key-location',
          'query_parameter',
          '--api-key-parameter-name',
          'key',
        ],
      ],
      [
        [
          'add',
          'gateway-target',
          '--name',
          `Open${suffix}`,
          '--gateway',
          `Gw${suffix}`,
          '--type',
          'mcp-server',
          '--endpoint',
          TARGET_URL,
        ],
      ],
      [
        [
          'add',
          'agent',
          '--name',
          `Jwt${suffix}`,
          '--template',
          'node',
          '--authorizer-type',
          'custom-jwt',
          '--discovery-url',
          DISCOVERY,
          '--allowed-clients',
          'client-one',
          '--allowed-scopes',
          'read',
        ],
      ],
    ];
    for (const [args, input] of steps) {
      const r = await run(args, env, input);
      expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  }

  beforeAll(async () => {
    sb = await createSandbox();
    receiver = await startReceiver();
    const r = await sb.run(['create', '--name', 'TelemetryProj', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'TelemetryProj');
  });
  afterAll(async () => {
    await receiver.close();
    await sb.cleanup();
  });

  it('is off by default: with an endpoint configured but no opt-in, nothing connects and nothing is logged', async () => {
    const status = await run(['telemetry', 'status'], { AGENTCORE_TELEMETRY_ENDPOINT: receiver.endpoint });
    expect(status.json?.result).toMatchObject({
      effective: { enabled: false, source: 'default', endpoint: receiver.endpoint },
    } satisfies Partial<Record<keyof TelemetryStatusResult, unknown>>);
    await addResources({ AGENTCORE_TELEMETRY_ENDPOINT: receiver.endpoint }, 'Off');
    await new Promise((r) => setTimeout(r, 1500)); // a sender, had one started, would have connected by now
    expect(receiver.connections()).toBe(0);
    const files = await readdir(configDir()).catch(() => [] as string[]);
    expect(files.filter((f) => f.startsWith('telemetry'))).toEqual([]);
  });

  it('DO_NOT_TRACK and CI win over an opt-in', async () => {
    const e = await run(['telemetry', 'enable', '--endpoint', receiver.endpoint]);
    expect(e.exitCode, e.stdout).toBe(0);
    for (const env of [{ DO_NOT_TRACK: '1' }, { CI: 'true' }, { DO_NOT_TRACK: '1', AGENTCORE_TELEMETRY: '1' }]) {
      const r = await run(
        ['add', 'gateway', '--name', `Skip${Object.keys(env).length}${Object.keys(env)[0]?.length}`],
        env,
      );
      expect(r.exitCode).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.connections()).toBe(0);
    expect((await readdir(configDir())).filter((f) => f !== 'telemetry.json' && f.startsWith('telemetry'))).toEqual([]);
    const d = await run(['telemetry', 'disable']);
    expect(d.exitCode).toBe(0);
  });

  it("once enabled, exports one span per command with the strategies' safe attributes, and nothing identifying", async () => {
    const e = await run(['telemetry', 'enable', '--endpoint', receiver.endpoint]);
    expect(e.json?.result).toMatchObject({ effective: true, endpoint: receiver.endpoint });
    expect(await fileMode(join(configDir(), 'telemetry.json'))).toBe(0o600);
    await addResources({}, 'On');
    await poll(() => receiver.spans.length >= 6, 20_000);
    const byName = (name: string) => receiver.spans.filter((s) => s.name === name).map((s) => s.attributes);
    const targets = byName('add:gateway-target');
    const attr = (a: Record<string, unknown>, k: string) => a[`agentcore.attr.${k}`];
    expect(
      targets.map((a) => [
        attr(a, 'outbound_auth'),
        attr(a, 'api_key_placement_customized'),
        attr(a, 'api_key_location'),
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['api_key', false, 'header'],
        ['api_key', true, 'query_parameter'],
        ['none', false, 'none'],
      ]),
    );
    const [agent] = byName('add:agent');
    expect(agent).toMatchObject({
      'agentcore.status': 'ok',
      'agentcore.attr.authorizer_type': 'custom_jwt',
      'agentcore.attr.jwt_clients_set': true,
      'agentcore.attr.jwt_scopes_set': true,
      'agentcore.attr.jwt_audience_set': false,
      'agentcore.attr.jwt_custom_claims_count': 0,
    });
    expect(byName('add:credential')).toHaveLength(1);
    const sent = receiver.bodies.join('\n');
    for (const leak of [SECRET, 'example.com', 'TelemetryProj', 'GwOn', 'KeyOn', 'JwtOn', 'client-one', sb.dir])
      expect(sent).not.toContain(leak);
  });

  it('telemetry audit shows exactly the events that were sent; errors carry their code', async () => {
    const bad = await run([
      'add',
      'gateway-target',
      '--name',
      'X',
      '--gateway',
      'NoSuchGateway',
      '--type',
      'mcp-server',
      '--endpoint',
      TARGET_URL,
    ]);
    expect(bad.json?.code).toBe('ERR_NOT_FOUND');
    await poll(() => receiver.spans.some((s) => s.attributes['agentcore.status'] === 'error'), 10_000);
    const failed = receiver.spans.find((s) => s.attributes['agentcore.status'] === 'error');
    expect(failed?.attributes).toMatchObject({
      'agentcore.command': 'add:gateway-target',
      'agentcore.error_code': 'ERR_NOT_FOUND',
      'agentcore.exit_code': 1,
    });
    const audit = await run(['telemetry', 'audit', '--limit', '100']);
    const entries = (audit.json?.result as TelemetryAuditResult).entries;
    expect(entries.length).toBe(receiver.spans.length);
    for (const entry of entries) {
      expect(entry.delivery).toBe('queued');
      const span = receiver.spans.find(
        (s) => s.attributes['agentcore.duration_ms'] === entry.event.duration_ms && s.name === entry.event.command,
      );
      expect(span).toBeDefined();
      for (const [k, v] of Object.entries(entry.event.attributes))
        expect(span?.attributes[`agentcore.attr.${k}`]).toEqual(v);
    }
    expect(await fileMode(join(configDir(), 'telemetry-audit.jsonl'))).toBe(0o600);
  });

  it('a dead endpoint neither slows nor fails a command', async () => {
    const dead = await startReceiver();
    await dead.close(); // port now refuses connections
    const started = Date.now();
    const r = await run(['add', 'gateway', '--name', 'DeadEndpoint'], { AGENTCORE_TELEMETRY_ENDPOINT: dead.endpoint });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json?.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    // the detached sender empties the outbox on its own
    const outbox = join(configDir(), 'telemetry-outbox');
    const end = Date.now() + 10_000;
    while ((await readdir(outbox).catch(() => [])).length > 0 && Date.now() < end)
      await new Promise((res) => setTimeout(res, 100));
    expect(await readdir(outbox)).toEqual([]);
  });

  it('disable stops recording; --purge deletes the audit log', async () => {
    const d = await run(['telemetry', 'disable', '--purge']);
    expect(d.exitCode).toBe(0);
    const before = receiver.connections();
    await run(['add', 'gateway', '--name', 'AfterDisable']);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.connections()).toBe(before);
    const status = await run(['telemetry', 'status']);
    expect(status.json?.result).toMatchObject({ effective: { enabled: false }, auditEvents: 0, pending: 0 });
  });
});
