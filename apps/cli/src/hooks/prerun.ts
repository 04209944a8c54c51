/**
 * Runs before every command on oclif's path (never on the cold-start fast path, which is skipped as soon as user
 * plugins exist and never serves `plugins …`):
 * - `plugins install|add|update|link|reset`: npm (or yarn), which @oclif/plugin-plugins spawns with this process's
 *   environment, runs with `ignore-scripts`, so no `preinstall`/`install`/`postinstall`/`prepare` script of the
 *   plugin or of its dependencies runs; one line says so.
 * - a user-installed or linked plugin that defines a command (or alias) of agentcore or of a core plugin is named in
 *   a warning on every run: oclif runs the core command and ignores the plugin's, but the plugin's hooks still run.
 */
import type { Command, Hook, Interfaces } from '@oclif/core';

/** Commands of @oclif/plugin-plugins that run npm install. */
const INSTALLING = new Set(['plugins:install', 'plugins:add', 'plugins:update', 'plugins:link', 'plugins:reset']);

export interface ShadowedCommand {
  plugin: string;
  command: string;
}

type PluginLike = Pick<Interfaces.Plugin, 'name' | 'type'> & {
  commands: readonly Pick<Command.Loadable, 'id' | 'aliases'>[];
};

/** Pure: commands of user/linked plugins whose id or alias is also a core command's id or alias. */
export function shadowedCommands(plugins: Iterable<PluginLike>): ShadowedCommand[] {
  const list = [...plugins];
  const namesOf = (p: PluginLike) => p.commands.flatMap((c) => [c.id, ...(c.aliases ?? [])]);
  const core = new Set(list.filter((p) => p.type === 'core').flatMap(namesOf));
  return list
    .filter((p) => p.type === 'user' || p.type === 'link')
    .flatMap((p) => namesOf(p).flatMap((id) => (core.has(id) ? [{ plugin: p.name, command: id }] : [])));
}

const hook: Hook.Prerun = async function (options) {
  const id = options.Command.id ?? '';
  if (id === 'plugins' || id.startsWith('plugins:')) {
    process.env.npm_config_ignore_scripts = 'true';
    // `plugins link` installs with yarn instead when the plugin folder has a yarn.lock.
    process.env.YARN_IGNORE_SCRIPTS = 'true';
  }
  const installing = INSTALLING.has(id);
  const shadowed = [...this.config.plugins.values()].some((p) => p.type === 'user' || p.type === 'link')
    ? shadowedCommands(this.config.plugins.values())
    : [];
  if (!installing && shadowed.length === 0) return;
  const { loadMessages } = await import('../shared/messages.js');
  const messages = loadMessages('plugins');
  if (installing) process.stderr.write(`${messages.get('info.scriptsNotRun')}\n`);
  for (const s of shadowed) {
    this.warn(
      messages.get('warning.shadowedCommand', {
        plugin: s.plugin,
        command: s.command.replace(/:/g, ' '),
        bin: this.config.bin,
      }),
    );
  }
};

export default hook;
