import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEvent } from './event.js';
import { enqueue, outboxPath } from './outbox.js';
import { senderEntry } from './launch.js';
import { recordRun } from './record.js';
import { sendPending } from './sender.js';
import { startReceiver, type Receiver } from './test-helpers/otlp-receiver.js';
import { writeState } from './consent.js';
import { readAudit } from './audit.js';

const baseRun = {
  commandId: 'add:gateway-target',
  coreCommand: true,
  ok: true,
  exitCode: 0,
  startedAt: Date.now(),
  durationMs: 42,
  cliVersion: '0.1.0',
  plugins: [{ name: '@agentcore/auth-apikey', version: '0.1.0' }],
};

let dir: string;
let receiver: Receiver;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telemetry-sender-'));
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sender (real OTLP/HTTP receiver on 127.0.0.1)', () => {
  it('exports one span per event with the safe attributes, and empties the outbox', async () => {
    const { event } = buildEvent({
      ...baseRun,
      attributes: { api_key_placement_customized: true, api_key_location: 'query_parameter' },
    });
    await enqueue(dir, { url: `${receiver.endpoint}/v1/traces`, event });
    const status = await sendPending(dir, 2000);
    expect(status).toMatchObject({ ok: true, sent: 1, failed: 0 });
    const [span] = await receiver.waitForSpans(1, 5000);
    expect(span?.name).toBe('add:gateway-target');
    expect(span?.resource['service.name']).toBe('agentcore-cli');
    expect(span?.attributes).toMatchObject({
      'agentcore.command': 'add:gateway-target',
      'agentcore.status': 'ok',
      'agentcore.duration_ms': 42,
      'agentcore.event_id': event.event_id,
      'agentcore.attr.api_key_placement_customized': true,
      'agentcore.attr.api_key_location': 'query_parameter',
      'agentcore.plugin_versions': ['@agentcore/auth-apikey@0.1.0'],
    });
    expect(await readdir(outboxPath(dir))).toEqual([]);
  });

  it('gives up on an endpoint that accepts connections but never answers, within its timeout, and drops the event', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      await enqueue(dir, { url: `http://127.0.0.1:${port}/v1/traces`, event: buildEvent(baseRun).event });
      // The endpoint never answers: only the sender's own timeout can end this call, so its returning is the proof
      // (no wall-clock bound to trip on a loaded machine; the test timeout catches a sender that hangs).
      const status = await sendPending(dir, 500);
      expect(status).toMatchObject({ ok: false, sent: 0, failed: 1 });
      expect(await readdir(outboxPath(dir))).toEqual([]);
    } finally {
      silent.close();
    }
  }, 30_000);

  it('refuses a tampered outbox file (an event with a URL attribute) without sending it', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(outboxPath(dir), { recursive: true });
    const event = { ...buildEvent(baseRun).event, attributes: { endpoint: 'https://secret.example.com' } };
    await writeFile(
      join(outboxPath(dir), '1-1-x.json'),
      JSON.stringify({ url: `${receiver.endpoint}/v1/traces`, event }),
    );
    const status = await sendPending(dir, 1000);
    expect(status.sent).toBe(0);
    expect(receiver.connections()).toBe(0);
  });

  it('recordRun (enabled, endpoint) audits the event and the detached sender process delivers it', async () => {
    await writeState(dir, { enabled: true, endpoint: receiver.endpoint });
    const attributes = {
      api_key_location: 'header',
      endpoint: 'https://tools.example.com/mcp?api_key=abc',
      lambda: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      secret: 'sk-live-ABC123',
    };
    const outcome = await recordRun({ ...baseRun, attributes }, { configDir: dir, env: {} });
    expect(outcome).toMatchObject({ recorded: true, delivery: 'queued' });
    expect(outcome.dropped).toEqual(['endpoint', 'lambda', 'secret'].map((key) => ({ key, reason: 'not_enum' })));
    const [span] = await receiver.waitForSpans(1, 10_000);
    expect(span?.attributes['agentcore.attr.api_key_location']).toBe('header');
    const sentText = JSON.stringify(span);
    for (const leak of ['example.com', 'arn:aws', 'sk-live', 'secret', 'lambda']) expect(sentText).not.toContain(leak);
    const audit = await readAudit(dir);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.event.attributes).toEqual({ api_key_location: 'header' });
    // the sender writes its status after delivery and exits
    await expect
      .poll(async () => JSON.parse(await readFile(join(dir, 'telemetry-sender.json'), 'utf8').catch(() => '{}')), {
        timeout: 5000,
      })
      .toMatchObject({ ok: true, sent: 1 });
  });

  it('recordRun (not enabled) writes nothing and connects nowhere', async () => {
    const outcome = await recordRun(baseRun, {
      configDir: dir,
      env: { AGENTCORE_TELEMETRY_ENDPOINT: receiver.endpoint },
    });
    expect(outcome.recorded).toBe(false);
    // A sender is only started after an event is queued: no outbox (no file at all) means none will connect, and
    // recordRun itself loads no network module (record.test.ts).
    expect(await readdir(dir)).toEqual([]);
    expect(receiver.connections()).toBe(0);
  });

  it('the sender entry exits on its own when the outbox is empty', async () => {
    const child = spawn(process.execPath, [senderEntry(), dir], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
