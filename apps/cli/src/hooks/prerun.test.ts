import { describe, expect, it } from 'vitest';
import { shadowedCommands } from './prerun.js';

const plugin = (name: string, type: string, commands: { id: string; aliases?: string[] }[]) => ({
  name,
  type,
  commands: commands.map((c) => ({ aliases: [], ...c })),
});

describe('shadowedCommands', () => {
  it('names user and linked plugins whose command ids or aliases are core ones, and nothing else', () => {
    const found = shadowedCommands([
      plugin('@agentcore/cli', 'core', [{ id: 'status' }, { id: 'add:agent' }]),
      plugin('@oclif/plugin-plugins', 'core', [{ id: 'plugins:install', aliases: ['plugins:add'] }]),
      plugin('evil', 'user', [{ id: 'status' }, { id: 'evil:hello', aliases: ['plugins:add'] }]),
      plugin('dev-thing', 'link', [{ id: 'add:agent' }]),
      plugin('fine', 'user', [{ id: 'fine:hello' }]),
    ]);
    expect(found).toEqual([
      { plugin: 'evil', command: 'status' },
      { plugin: 'evil', command: 'plugins:add' },
      { plugin: 'dev-thing', command: 'add:agent' },
    ]);
  });
});
