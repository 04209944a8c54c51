/**
 * Usage telemetry through the built CLI, against a real OTLP/HTTP receiver on 127.0.0.1 written here: off by
 * default (no connection, no audit file), opt-in export with the auth strategies' safe attributes, and nothing
 * identifying in what is sent.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryAuditResult } from '../src/commands/telemetry/audit.js';
import type { TelemetryStatusResult } from '../src/commands/telemetry/status.js';
import { createSandbox, fileMode, type Sandbox } from './helpers.js';
import { poll, spanForEvent, startReceiver, type Receiver } from './telemetry-receiver.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const TARGET_URL = 'https://tools.example.com/mcp';
const SECRET = 'sk-live-Telemetry-Secret-9f8e7d';

describe('telemetry through the built CLI', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  let root: string;
  const configDir = () => sb.env.AGENTCORE_CONFIG_DIR ?? '';
  const run = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
    sb.run([...args, '--json'], { cwd: root, env, ...(input === undefined ? {} : { input }) });
  /** Telemetry files in the config dir other than the consent file (audit log, outbox, sender state). */
  const telemetryFiles = async () =>
    (await readdir(configDir()).catch(() => [] as string[])).filter(
      (f) => f.startsWith('telemetry') && f !== 'telemetry.json',
    );

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
    // The commands have exited. A recorded run writes its audit entry and outbox file, and starts a sender only
    // after queueing, all before it exits: no file means nothing was recorded and no sender can connect later.
    const files = await readdir(configDir()).catch(() => [] as string[]);
    expect(files.filter((f) => f.startsWith('telemetry'))).toEqual([]);
    await receiver.settled(); // every connection made so far has been accepted and counted
    expect(receiver.connections()).toBe(0);
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
    // As above: no audit entry, no outbox, no sender state once the commands exited, so no sender was started.
    expect(await telemetryFiles()).toEqual([]);
    await receiver.settled();
    expect(receiver.connections()).toBe(0);
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
    await poll(() => receiver.spans.length >= entries.length, 10_000); // every audited event has been exported
    expect(entries.length).toBe(receiver.spans.length);
    expect(new Set(entries.map((e) => e.event.event_id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.delivery).toBe('queued');
      expect(entry.event.event_id).toMatch(/^[0-9a-f]{16}$/);
      const span = spanForEvent(entry.event, receiver.spans);
      expect(span.name).toBe(entry.event.command);
      expect(span.attributes).toMatchObject({
        'agentcore.command': entry.event.command,
        'agentcore.status': entry.event.status,
        'agentcore.duration_ms': entry.event.duration_ms,
      });
      for (const [k, v] of Object.entries(entry.event.attributes))
        expect(span.attributes[`agentcore.attr.${k}`]).toEqual(v);
    }
    expect(await fileMode(join(configDir(), 'telemetry-audit.jsonl'))).toBe(0o600);
  });

  it('a dead endpoint neither slows nor fails a command', async () => {
    const dead = await startReceiver();
    await dead.close(); // port now refuses connections
    // Baseline: the same command with telemetry off, timed right before, on the same (possibly loaded) machine.
    let started = Date.now();
    const base = await run(['add', 'gateway', '--name', 'DeadBaseline'], { DO_NOT_TRACK: '1' });
    expect(base.exitCode, base.stderr).toBe(0);
    const baselineMs = Date.now() - started;
    started = Date.now();
    const r = await run(['add', 'gateway', '--name', 'DeadEndpoint'], { AGENTCORE_TELEMETRY_ENDPOINT: dead.endpoint });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json?.status).toBe(0);
    // A command that waited for its export would add the sender's send window (3 s) or export timeout; twice the
    // baseline plus 2.5 s leaves room for load swings between two runs while still catching that.
    expect(Date.now() - started).toBeLessThan(2 * baselineMs + 2_500);
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
    expect(await telemetryFiles()).not.toContain('telemetry-audit.jsonl');
    await receiver.settled();
    const before = receiver.connections();
    const r = await run(['add', 'gateway', '--name', 'AfterDisable']);
    expect(r.exitCode, r.stderr).toBe(0);
    // Exited without writing an audit entry or an outbox file: nothing was recorded, so no sender will connect.
    expect(await telemetryFiles()).not.toContain('telemetry-audit.jsonl');
    expect(await readdir(join(configDir(), 'telemetry-outbox')).catch(() => [])).toEqual([]);
    await receiver.settled();
    expect(receiver.connections()).toBe(before);
    const status = await run(['telemetry', 'status']);
    expect(status.json?.result).toMatchObject({ effective: { enabled: false }, auditEvents: 0, pending: 0 });
  });
});
