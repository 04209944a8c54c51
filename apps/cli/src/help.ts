/**
 * Help that shows each installed strategy's flags on the commands that attach strategies, and each installed
 * credential kind's flags on `add credential`, in a section named after the plugin that provides them (oclif's manifest only knows a command's static flags). The strategy
 * machinery is imported only for those commands, so root and topic help stay as cheap as oclif's own.
 */
import { Help, type Command } from '@oclif/core';
import type { AttachCommand } from '@agentcore/auth';

/** Kept in step with `ATTACH_COMMANDS` of @agentcore/auth (checked when the strategy flags are looked up). */
const ATTACH_COMMAND_IDS: ReadonlySet<string> = new Set(['add agent', 'add gateway', 'add gateway-target']);

export default class AgentcoreHelp extends Help {
  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    const id = command.id.replace(/:/g, ' ');
    if (ATTACH_COMMAND_IDS.has(id)) {
      const [{ ATTACH_COMMANDS }, { loadRegistry }, { contributedFlags }] = await Promise.all([
        import('@agentcore/auth'),
        import('./shared/strategies.js'),
        import('./command-support/strategy-flags.js'),
      ]);
      if (id in ATTACH_COMMANDS) {
        const { registry } = await loadRegistry(this.config);
        const extra = contributedFlags(registry, id as AttachCommand);
        const named = Object.fromEntries(Object.entries(extra).map(([name, f]) => [name, { ...f, name }]));
        command = { ...command, flags: { ...command.flags, ...named } } as Command.Loadable;
      }
    }
    if (id === 'add credential') {
      // Its flags include those of every installed credential kind (command-support/credential-flags.ts).
      const [{ loadRegistry }, { addCredentialFlags }] = await Promise.all([
        import('./shared/strategies.js'),
        import('./command-support/credential-flags.js'),
      ]);
      const { registry } = await loadRegistry(this.config);
      const named = Object.fromEntries(
        Object.entries(addCredentialFlags(registry)).map(([name, f]) => [name, { ...f, name }]),
      );
      command = { ...command, flags: { ...command.flags, ...named } } as Command.Loadable;
    }
    return super.showCommandHelp(command);
  }
}
