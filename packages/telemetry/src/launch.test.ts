import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeState } from './consent.js';
import {
  decideLaunch,
  exportSupported,
  MAX_SENDER_MS,
  MIN_EXPORT_NODE,
  readSenderRun,
  SEND_WINDOW_MS,
  versionAtLeast,
  writeSenderRun,
  type SenderRun,
} from './launch.js';
import { outboxPath } from './outbox.js';
import { recordRun } from './record.js';

const baseRun = {
  commandId: 'add:gateway',
  coreCommand: true,
  ok: true,
  exitCode: 0,
  startedAt: Date.now(),
  durationMs: 7,
  cliVersion: '0.1.0',
  plugins: [],
};

/** The pid of a process that has exited (a sender that died). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telemetry-launch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('decideLaunch (pure)', () => {
  const now = 1_000_000;
  const alive = () => true;
  const dead = () => false;
  it('starts a sender now when none ever ran', () => {
    expect(decideLaunch(undefined, now, alive)).toEqual({ start: true, notBefore: now });
  });
  it('starts nothing while a sender is running', () => {
    expect(decideLaunch({ pid: 1, startAt: now - 1000, running: true }, now, alive)).toEqual({ start: false });
    expect(decideLaunch({ pid: 1, startAt: now + 3000, running: true }, now, alive)).toEqual({ start: false }); // waiting for its window
  });
  it('defers a new sender to the end of the window when the last one started within it', () => {
    expect(decideLaunch({ pid: 1, startAt: now - 1000, running: false }, now, alive)).toEqual({
      start: true,
      notBefore: now - 1000 + SEND_WINDOW_MS,
    });
  });
  it('starts now when the last sender started before the window', () => {
    expect(decideLaunch({ pid: 1, startAt: now - SEND_WINDOW_MS - 1, running: false }, now, alive)).toEqual({
      start: true,
      notBefore: now,
    });
  });
  it('replaces a sender flagged running whose process is gone, or that is older than any sender can live (pid reused)', () => {
    expect(decideLaunch({ pid: 1, startAt: now - 10 * SEND_WINDOW_MS, running: true }, now, dead)).toEqual({
      start: true,
      notBefore: now,
    });
    expect(decideLaunch({ pid: 1, startAt: now - MAX_SENDER_MS, running: true }, now, alive)).toEqual({
      start: true,
      notBefore: now,
    });
  });
  it('never waits more than one window, whatever the file says', () => {
    expect(decideLaunch({ pid: 1, startAt: now + 3_600_000, running: false }, now, alive)).toEqual({
      start: true,
      notBefore: now + SEND_WINDOW_MS,
    });
  });
});

describe('throttled sender start (recordRun, real files)', () => {
  const starts: number[] = [];
  let nextPid: number;
  const record = (now: number) =>
    recordRun(baseRun, {
      configDir: dir,
      env: {},
      launch: {
        now,
        start: (_dir, notBefore) => {
          starts.push(notBefore);
          return nextPid;
        },
      },
    });
  beforeEach(async () => {
    starts.length = 0;
    nextPid = process.pid; // a live process stands for the sender
    await writeState(dir, { enabled: true, endpoint: 'http://127.0.0.1:4318' });
  });

  it('the first run starts a sender; runs within its window while it is alive start none', async () => {
    const t = Date.now();
    expect((await record(t)).sender).toBe('started');
    expect(readSenderRun(dir)).toEqual({ pid: process.pid, startAt: t, running: true });
    for (let i = 1; i <= 3; i++) expect((await record(t + i * 500)).sender).toBe('running');
    expect(starts).toEqual([t]);
    // every event is queued for that sender
    expect((await readdir(outboxPath(dir))).filter((n) => n.endsWith('.json'))).toHaveLength(4);
  });

  it("a run within the window after the sender finished starts one deferred to the window's end; later runs start none", async () => {
    const t = Date.now();
    writeSenderRun(dir, { pid: process.pid, startAt: t - 1000, running: false });
    expect((await record(t)).sender).toBe('deferred');
    expect(starts).toEqual([t - 1000 + SEND_WINDOW_MS]);
    expect((await record(t + 100)).sender).toBe('running');
    expect(starts).toHaveLength(1);
  });

  it('after the window, a run starts a sender at once', async () => {
    const t = Date.now();
    writeSenderRun(dir, { pid: process.pid, startAt: t - SEND_WINDOW_MS - 1, running: false });
    expect((await record(t)).sender).toBe('started');
    expect(starts).toEqual([t]);
  });

  it('a sender flagged running whose process is gone is replaced', async () => {
    const t = Date.now();
    writeSenderRun(dir, { pid: await deadPid(), startAt: t - 200, running: true });
    expect((await record(t)).sender).toBe('deferred');
    expect(starts).toHaveLength(1);
    expect(readSenderRun(dir)?.pid).toBe(process.pid);
  });

  it('a failed start is reported and does not fail the run (the event stays queued)', async () => {
    const outcome = await recordRun(baseRun, { configDir: dir, env: {}, launch: { start: () => undefined } });
    expect(outcome).toMatchObject({ recorded: true, delivery: 'queued', sender: 'failed' });
    expect(readSenderRun(dir)).toBeUndefined();
    expect((await readdir(outboxPath(dir))).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });

  it('the run file is 0600 JSON', async () => {
    await record(Date.now());
    const { stat } = await import('node:fs/promises');
    expect((await stat(join(dir, 'telemetry-sender-run.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, 'telemetry-sender-run.json'), 'utf8'))).toMatchObject({
      running: true,
    } satisfies Partial<SenderRun>);
  });
});

describe('Node versions', () => {
  it('compares versions', () => {
    expect(versionAtLeast('22.15.0', '22.15.0')).toBe(true);
    expect(versionAtLeast('v24.1.0', '22.15.0')).toBe(true);
    expect(versionAtLeast('22.14.9', '22.15.0')).toBe(false);
    expect(versionAtLeast('22.12.0', '22.15.0')).toBe(false);
    expect(exportSupported('22.12.0')).toBe(false);
    expect(exportSupported(process.versions.node)).toBe(versionAtLeast(process.versions.node, MIN_EXPORT_NODE));
  });

  it('MIN_EXPORT_NODE satisfies the engines of every OpenTelemetry package the sender uses', async () => {
    const { existsSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    // Found the way Node looks packages up (their exports maps hide package.json).
    const manifestOf = async (name: string) => {
      for (let d = fileURLToPath(new URL('..', import.meta.url)); dirname(d) !== d; d = dirname(d)) {
        const file = join(d, 'node_modules', name, 'package.json');
        if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as { engines?: { node?: string } };
      }
      throw new Error(`${name} not installed`);
    };
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const otel = Object.keys(pkg.dependencies).filter((n) => n.startsWith('@opentelemetry/'));
    expect(otel.length).toBeGreaterThan(0);
    for (const name of otel) {
      const manifest = await manifestOf(name);
      const min = /^>=\s*v?(\d+\.\d+\.\d+)$/.exec(manifest.engines?.node ?? '>=0.0.0')?.[1];
      expect(min, `${name} engines.node: ${manifest.engines?.node}`).toBeDefined();
      expect(versionAtLeast(MIN_EXPORT_NODE, min ?? '999.0.0'), `${name} needs node ${min}`).toBe(true);
    }
  });

  it('on a Node the exporter does not support, an enabled run with an endpoint stays local: no outbox, no sender', async () => {
    await writeState(dir, { enabled: true, endpoint: 'http://127.0.0.1:4318' });
    let started = 0;
    const outcome = await recordRun(baseRun, {
      configDir: dir,
      env: {},
      nodeVersion: '22.12.0',
      launch: { start: () => ++started },
    });
    expect(outcome).toMatchObject({ recorded: true, delivery: 'local_only' });
    expect(outcome.sender).toBeUndefined();
    expect(started).toBe(0);
    expect(await readdir(dir)).not.toContain('telemetry-outbox');
  });
});
