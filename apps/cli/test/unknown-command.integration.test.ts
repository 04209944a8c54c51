import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

describe('unknown commands', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await createSandbox();
  });
  afterAll(async () => {
    await sb.cleanup();
  });

  it('answers a typo with a coded usage error and the nearest command, as the --json envelope', async () => {
    const r = await sb.run(['stauts', '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.json).toMatchObject({
      code: 'ERR_UNKNOWN_COMMAND',
      exitCode: 2,
      details: { command: 'stauts', suggestion: 'status' },
    });
    expect(r.json?.actions?.[0]).toBe('Did you mean `agentcore status`?');
    expect(r.stderr).toBe('');
  });

  it('suggests inside a topic and never prompts in a terminal-less run', async () => {
    const r = await sb.run(['add', 'agnet', '--name', 'A']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Error (ERR_UNKNOWN_COMMAND): `agentcore add agnet` is not a command.');
    expect(r.stderr).toContain('→ Did you mean `agentcore add agent`?');
  });

  it('offers only the help pointer when nothing is close', async () => {
    const r = await sb.run(['frobnicate', '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.json?.actions).toEqual(['Run `agentcore --help` for the list of commands.']);
  });

  it('gives every topic a description of its own', async () => {
    const r = await sb.run(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/add\s+Add an agent, gateway, gateway target or credential/);
    expect(r.stdout).toMatch(/plugins\s+Install, list, link, update, remove and generate/);
    expect(r.stdout).toMatch(/remove\s+Remove an agent, gateway, gateway target or credential/);
  });
});
