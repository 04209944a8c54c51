/**
 * Delivery semantics (docs/telemetry.md, "Delivery"), with real files in a temp config dir, real sender processes
 * where processes race, and a real OTLP/HTTP receiver on 127.0.0.1: one sender drains the whole outbox, including
 * what is queued while it runs; racing senders send every event exactly once; a dead endpoint never holds a command.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeState } from './consent.js';
import { buildEvent } from './event.js';
import { readSenderRun, senderEntry, writeSenderRun } from './launch.js';
import { enqueueSync, outboxPath } from './outbox.js';
import { recordRun } from './record.js';
import { runSender } from './sender.js';
import { startReceiver, type ReceivedSpan, type Receiver } from './test-helpers/otlp-receiver.js';

/** Events told apart by `duration_ms` (their id in these tests). */
const event = (id: number) =>
  buildEvent({
    commandId: 'add:gateway',
    coreCommand: true,
    ok: true,
    exitCode: 0,
    startedAt: Date.now(),
    durationMs: id,
    cliVersion: '0.1.0',
    plugins: [],
  }).event;
const ids = (spans: readonly ReceivedSpan[]) =>
  spans.map((s) => s.attributes['agentcore.duration_ms'] as number).sort((a, b) => a - b);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const pending = async (dir: string) =>
  (await readdir(outboxPath(dir)).catch(() => [] as string[])).filter((n) => !n.endsWith('.tmp'));

async function closedPortEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

function runSenderProcess(dir: string): Promise<number | null> {
  const child = spawn(process.execPath, [senderEntry(), dir], { stdio: 'ignore', env: {} });
  return new Promise((resolve) => child.on('exit', resolve));
}

let dir: string;
let receiver: Receiver | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telemetry-delivery-'));
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('one sender drains the outbox', () => {
  it('sends every pending event, then clears its running flag', async () => {
    receiver = await startReceiver();
    const url = `${receiver.endpoint}/v1/traces`;
    for (const id of range(1, 25)) enqueueSync(dir, { url, event: event(id) });
    const status = await runSender(dir, { timeoutMs: 2000 });
    expect(status).toMatchObject({ ok: true, sent: 25, failed: 0 });
    expect(ids(receiver.spans)).toEqual(range(1, 25));
    expect(await pending(dir)).toEqual([]);
    expect(readSenderRun(dir)).toMatchObject({ pid: process.pid, running: false });
    expect(JSON.parse(await readFile(join(dir, 'telemetry-sender.json'), 'utf8'))).toMatchObject({
      ok: true,
      sent: 25,
    });
  });

  it('also sends what commands queue while it runs; those commands start no sender', async () => {
    await writeState(dir, { enabled: true });
    let starts = 0;
    const launch = { start: () => ++starts };
    // While the sender's first request is in flight, two commands record their runs.
    receiver = await startReceiver({
      onRequest: async (n) => {
        if (n !== 1) return;
        for (const id of [101, 102]) {
          const outcome = await recordRun(
            {
              commandId: 'add:gateway',
              coreCommand: true,
              ok: true,
              exitCode: 0,
              startedAt: Date.now(),
              durationMs: id,
              cliVersion: '0.1.0',
              plugins: [],
            },
            { configDir: dir, env: { AGENTCORE_TELEMETRY_ENDPOINT: endpoint() }, launch },
          );
          expect(outcome.sender).toBe('running');
        }
      },
    });
    const endpoint = () => receiver?.endpoint ?? '';
    enqueueSync(dir, { url: `${endpoint()}/v1/traces`, event: event(1) });
    writeSenderRun(dir, { pid: process.pid, startAt: Date.now(), running: true }); // as the launching command does
    const status = await runSender(dir, { timeoutMs: 2000 });
    expect(status).toMatchObject({ ok: true, sent: 3 });
    expect(ids(receiver.spans)).toEqual([1, 101, 102]);
    expect(starts).toBe(0);
    expect(await pending(dir)).toEqual([]);
  });

  it('hand-off: an event queued just as the sender finishes is sent by it, or by the sender its command starts', async () => {
    await writeState(dir, { enabled: true });
    receiver = await startReceiver();
    const env = { AGENTCORE_TELEMETRY_ENDPOINT: receiver.endpoint };
    const starts: number[] = [];
    const launch = { start: (_d: string, notBefore: number) => (starts.push(notBefore), process.pid) };
    const command = (id: number) =>
      recordRun(
        {
          commandId: 'add:gateway',
          coreCommand: true,
          ok: true,
          exitCode: 0,
          startedAt: Date.now(),
          durationMs: id,
          cliVersion: '0.1.0',
          plugins: [],
        },
        { configDir: dir, env, launch },
      );
    const outcomes: (string | undefined)[] = [];
    // The outbox is empty: the sender's drain finds nothing. A command runs in the worst moments: after the last
    // claim but before the flag is cleared (it sees a running sender and starts none), and right after.
    writeSenderRun(dir, { pid: process.pid, startAt: Date.now(), running: true });
    await runSender(dir, {
      timeoutMs: 2000,
      onHandOff: async (phase) => {
        if (phase === 'before' && outcomes.length === 0) outcomes.push((await command(1)).sender);
        if (phase === 'after' && outcomes.length === 1) outcomes.push((await command(2)).sender);
      },
    });
    expect(outcomes).toEqual(['running', 'deferred']);
    // Event 1: sent by this sender, from its last look after clearing the flag. Event 2: queued for the sender its
    // command started (deferred to the end of the window) — unless this one's last look already took it.
    expect(ids(receiver.spans)).toContain(1);
    expect(starts).toHaveLength(1);
    if (!ids(receiver.spans).includes(2)) await runSender(dir, { timeoutMs: 2000 }); // that deferred sender
    expect(ids(receiver.spans)).toEqual([1, 2]);
    expect(await pending(dir)).toEqual([]);
  });
});

describe('racing senders', () => {
  it('two sender processes on one outbox, with commands still queueing: every event sent exactly once', async () => {
    receiver = await startReceiver();
    const url = `${receiver.endpoint}/v1/traces`;
    for (const id of range(1, 40)) enqueueSync(dir, { url, event: event(id) });
    const senders = [runSenderProcess(dir), runSenderProcess(dir)];
    for (const id of range(41, 20)) {
      enqueueSync(dir, { url, event: event(id) });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await Promise.all(senders)).toEqual([0, 0]);
    // Whatever arrived after both had finished is still queued, not lost: one more sender takes it.
    if ((await pending(dir)).length > 0) expect(await runSenderProcess(dir)).toBe(0);
    await receiver.waitForSpans(60, 10_000);
    expect(ids(receiver.spans)).toEqual(range(1, 60));
    expect(await pending(dir)).toEqual([]);
  }, 30_000);

  it("files claimed by a sender that died are deleted unsent (it may have sent them); a live sender's are left alone", async () => {
    receiver = await startReceiver();
    const url = `${receiver.endpoint}/v1/traces`;
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => dead.on('exit', r));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(outboxPath(dir), { recursive: true });
    await writeFile(join(outboxPath(dir), `1-1-a.json.sending.${dead.pid}`), JSON.stringify({ url, event: event(1) }));
    await writeFile(
      join(outboxPath(dir), `1-1-b.json.sending.${process.ppid}`),
      JSON.stringify({ url, event: event(2) }),
    );
    enqueueSync(dir, { url, event: event(3) });
    await runSender(dir, { timeoutMs: 2000 });
    expect(ids(receiver.spans)).toEqual([3]);
    expect(await pending(dir)).toEqual([`1-1-b.json.sending.${process.ppid}`]);
  });
});

describe('a dead endpoint', () => {
  it('neither slows nor fails the command; the sender it starts drops the event and hands off', async () => {
    const endpoint = await closedPortEndpoint();
    await writeState(dir, { enabled: true, endpoint });
    const outcome = await recordRun(
      {
        commandId: 'add:gateway',
        coreCommand: true,
        ok: true,
        exitCode: 0,
        startedAt: Date.now(),
        durationMs: 3,
        cliVersion: '0.1.0',
        plugins: [],
      },
      { configDir: dir, env: {} },
    );
    // Not slowed: recordRun queues and spawns the sender, and loads no network module at all (record.test.ts pins
    // its module graph), so it cannot wait for the endpoint; no wall-clock bound is needed to show it.
    expect(outcome).toMatchObject({ recorded: true, delivery: 'queued', sender: 'started' });
    await expect
      .poll(async () => JSON.parse(await readFile(join(dir, 'telemetry-sender.json'), 'utf8').catch(() => '{}')), {
        timeout: 10_000,
      })
      .toMatchObject({ ok: false, sent: 0, failed: 1 });
    await expect.poll(() => readSenderRun(dir)?.running, { timeout: 5000 }).toBe(false);
    expect(await pending(dir)).toEqual([]);
  }, 20_000);

  it('one that accepts connections and never answers: the command returns at once, the sender gives up by its timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const { port } = silent.address() as { port: number };
      enqueueSync(dir, { url: `http://127.0.0.1:${port}/v1/traces`, event: event(1) });
      // It never answers: only the sender's timeout can end this call (the test timeout catches a hang).
      const status = await runSender(dir, { timeoutMs: 300 });
      expect(status).toMatchObject({ ok: false, failed: 1 });
      expect(await pending(dir)).toEqual([]);
    } finally {
      silent.close();
    }
  }, 30_000);
});

describe('a sender on a Node the exporter does not support', () => {
  it('sends nothing, leaves the events queued, says why and hands off', async () => {
    receiver = await startReceiver();
    enqueueSync(dir, { url: `${receiver.endpoint}/v1/traces`, event: event(1) });
    const status = await runSender(dir, { nodeVersion: '22.12.0' });
    expect(status).toMatchObject({ ok: false, sent: 0, reason: 'node_unsupported' });
    expect(receiver.connections()).toBe(0);
    expect(await pending(dir)).toHaveLength(1);
    expect(readSenderRun(dir)?.running).toBe(false);
  });
});
