/**
 * `agentcore plugins`: the plugin list of @oclif/plugin-plugins, answering `--json` in the envelope every agentcore
 * command uses (`{status: 0, result, warnings}`) and reporting errors as coded errors (usage errors exit 2). The
 * CLI's own command takes precedence over the core plugin's command of the same id (oclif ranks the root first).
 */
import { commands } from '@oclif/plugin-plugins';
import { errorText, successEnvelope } from '../../command-support/output.js';
import { toAgentcoreError } from '../../shared/errors.js';
import { loadMessages } from '../../shared/messages.js';

const messages = loadMessages('plugins');

/** One installed plugin, as `--json` lists it (oclif's internal plugin objects are not part of the result). */
export interface PluginListEntry {
  name: string;
  version: string;
  /** `core` (shipped with the CLI), `user` (installed), `link` (linked from a folder) or `jit`. */
  type: string;
  /** The folder a linked plugin is loaded from. */
  root?: string;
}

export type PluginsCommandResult = PluginListEntry[];

export default class Plugins extends commands.plugins {
  static override summary = messages.get('list.summary');
  static override examples = messages.list('list.examples');

  override async run(): Promise<PluginsCommandResult> {
    const plugins = await super.run();
    return plugins.map((p) => ({
      name: p.name,
      version: p.version,
      type: p.type,
      ...(p.type === 'link' && 'root' in p ? { root: p.root } : {}),
    }));
  }

  protected override toSuccessJson(result: unknown): unknown {
    return successEnvelope(result, []);
  }

  protected override toErrorJson(err: unknown): unknown {
    return toAgentcoreError(err, this.id).toJSON();
  }

  protected override async catch(err: Error & { exitCode?: number }): Promise<void> {
    const e = toAgentcoreError(err, this.id);
    process.exitCode = e.exitCode;
    if (this.jsonEnabled()) this.logJson(e.toJSON());
    else process.stderr.write(errorText(e));
  }
}
