/** `agentcore plugins` (the list of @oclif/plugin-plugins) through the built binary: `--json` uses the envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await createSandbox();
});
afterAll(() => sb.cleanup());

describe('agentcore plugins --json', () => {
  it('answers {status: 0, result, warnings} with the core plugins under --core', async () => {
    const r = await sb.run(['plugins', '--core', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const envelope = JSON.parse(r.stdout) as { status: number; result: { name: string; type: string }[]; warnings: [] };
    expect(envelope.status).toBe(0);
    expect(envelope.warnings).toEqual([]);
    expect(envelope.result).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '@agentcore/cli', type: 'core' }),
        expect.objectContaining({ name: '@oclif/plugin-plugins', type: 'core' }),
      ]),
    );
    // Each entry is the plugin's name, version and type only, not oclif's internal plugin object.
    for (const p of envelope.result) expect(Object.keys(p).sort()).toEqual(['name', 'type', 'version']);
  });

  it('reports a usage error as a coded envelope, exit 2', async () => {
    const r = await sb.run(['plugins', '--bogus', '--json']);
    expect(r.exitCode).toBe(2);
    const error = JSON.parse(r.stdout) as { code: string; actions: string[] };
    expect(error.code).toBe('ERR_USAGE');
    expect(error.actions[0]).toBe('Run `agentcore plugins --help` for usage.');
  });
});
