/**
 * Without a terminal (stdin not a TTY here), commands missing required inputs fail at once with ERR_MISSING_FLAGS
 * (exit 2) naming every missing flag — in --json and in human output — and never wait for input.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { missingInputs, isInteractive } from '../src/tui/gate.js';

describe('missing inputs without a terminal', () => {
  let sb: Sandbox;
  let root: string;
  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
  });
  afterAll(() => sb.cleanup());

  it.each([
    [['add', 'agent'], ['--name']],
    [['add', 'agent', '--code-location', 'app/A'], ['--name']],
    [['add', 'gateway'], ['--name']],
    [
      ['add', 'gateway-target', '--name', 't'],
      ['--gateway', '--type'],
    ],
    [
      ['add', 'credential'],
      ['--name', '--type'],
    ],
    [['add', 'credential', '--name', 'K'], ['--type']],
  ])('%j → ERR_MISSING_FLAGS %j', async (args, missing) => {
    const before = await snapshotProject(root);
    // stdin stays open: a command that waited for input would be killed at the timeout (exit code -1), so exit
    // code 2 is the proof that it did not wait, however slow the machine.
    const r = await sb.run([...args, '--json'], { cwd: root, timeoutMs: 25_000, keepStdinOpen: true });
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    expect(r.json).toMatchObject({ code: 'ERR_MISSING_FLAGS', exitCode: 2, details: { missing } });
    expect(r.json?.actions?.[0]).toMatch(/Pass the missing flags/);
    const human = await sb.run(args, { cwd: root, timeoutMs: 25_000, keepStdinOpen: true });
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain(`Error (ERR_MISSING_FLAGS): Missing required flags: ${missing.join(', ')}.`);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('decides from the terminal, --json and CI', () => {
    const tty = { stdinIsTTY: true, stdoutIsTTY: true };
    expect(isInteractive({ json: false, ...tty, env: {} })).toBe(true);
    expect(isInteractive({ json: true, ...tty, env: {} })).toBe(false);
    expect(isInteractive({ json: false, ...tty, env: { CI: 'true' } })).toBe(false);
    expect(isInteractive({ json: false, ...tty, env: { CI: '0' } })).toBe(true);
    expect(isInteractive({ json: false, stdinIsTTY: false, stdoutIsTTY: true, env: {} })).toBe(false);
    expect(missingInputs('invoke', { 'prompt-file': 'p.txt' })).toEqual([]);
    expect(missingInputs('fetch access', {})).toEqual(['--name']);
  });
});
