/**
 * Help that shows each installed strategy's flags on the commands that attach strategies, in a section named
 * after the plugin that provides them (oclif's manifest only knows a command's static flags).
 */
import { Help, type Command } from '@oclif/core';
import type { AttachCommand } from '@agentcore/auth';
import { ATTACH_COMMANDS } from '@agentcore/auth';
import { loadRegistry } from './shared/strategies.js';
import { contributedFlags } from './shared/strategy-flags.js';

export default class AgentcoreHelp extends Help {
  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    const id = command.id.replace(/:/g, ' ');
    if (id in ATTACH_COMMANDS) {
      const { registry } = await loadRegistry(this.config);
      const extra = contributedFlags(registry, id as AttachCommand);
      const named = Object.fromEntries(Object.entries(extra).map(([name, f]) => [name, { ...f, name }]));
      command = { ...command, flags: { ...command.flags, ...named } } as Command.Loadable;
    }
    return super.showCommandHelp(command);
  }
}
