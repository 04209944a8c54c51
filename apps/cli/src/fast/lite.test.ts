import { boolean, string } from '@oclif/core/flags';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandHost } from '../shared/command-host.js';
import { runLite, type BuildContext, type HotCommand } from './lite.js';

const context: BuildContext = {
  strategyHooks: [],
  cli: { name: '@agentcore/cli', version: '0.0.0', pjson: { oclif: { plugins: [] }, agentcore: {} } },
  plugins: [{ name: '@agentcore/cli', version: '0.0.0' }],
};

const flags = {
  name: string({ summary: 'Name.' }),
  scopes: string({ summary: 'Scopes.', multiple: true }),
  force: boolean({ summary: 'Force.' }),
};

/** A hot command that records what its handler received. */
function probe(definitions: HotCommand<Record<string, unknown>, unknown>['flags'] = () => flags) {
  const calls: { json: boolean; flags: Record<string, unknown> }[] = [];
  const command: HotCommand<Record<string, unknown>, undefined> = {
    id: 'probe:run',
    flags: definitions,
    handler: async (host: CommandHost, parsed) => {
      calls.push({ json: host.json, flags: parsed });
      return undefined;
    },
  };
  return { command, calls };
}

describe('runLite', () => {
  beforeEach(() => {
    vi.stubEnv('AGENTCORE_TELEMETRY', '0');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("hands the handler oclif's parse: greedy multiple values, booleans, --flag=value", async () => {
    const { command, calls } = probe();
    const ran = await runLite(command, context, ['--name=a', '--scopes', 'x', 'y', '--force'], '/');
    expect(ran).toBe(true);
    expect(calls).toEqual([{ json: false, flags: { name: 'a', scopes: ['x', 'y'], force: true } }]);
  });

  it('enables JSON output as oclif does: --json before any --', async () => {
    const { command, calls } = probe();
    expect(await runLite(command, context, ['--name', 'a', '--json'], '/')).toBe(true);
    expect(calls[0]?.json).toBe(true);
  });

  it.each([
    ['an unknown flag', ['--nope']],
    ['a single-value flag given twice', ['--name', 'a', '--name', 'b']],
    ['an argument', ['extra']],
    ['an option flag without its value', ['--name']],
  ])('leaves %s to oclif without running the handler', async (_label, argv) => {
    const { command, calls } = probe();
    expect(await runLite(command, context, argv, '/')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('leaves the command to oclif when its flags cannot be worked out', async () => {
    const { command, calls } = probe(() => {
      throw new Error('a plugin failed');
    });
    expect(await runLite(command, context, ['--name', 'a'], '/')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('leaves deprecated flags and flags read from stdin to oclif (it prints warnings / reads stdin itself)', async () => {
    for (const extra of [
      { old: string({ deprecated: true }) },
      { piped: string({ allowStdin: true }) },
      { renamed: string({ aliases: ['was'], deprecateAliases: true }) },
    ]) {
      const { command, calls } = probe(() => ({ ...flags, ...extra }));
      expect(await runLite(command, context, ['--name', 'a'], '/')).toBe(false);
      expect(calls).toEqual([]);
    }
  });

  it('gives the flags function the strategy loader, as a command computing flags from the registry needs', async () => {
    const seen: unknown[] = [];
    const { command, calls } = probe(async (load) => {
      seen.push(await load());
      return flags;
    });
    expect(await runLite(command, context, ['--name', 'a'], '/')).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ warnings: [] });
    expect(calls).toHaveLength(1);
  });
});
