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

export default class Plugins extends commands.plugins {
  static override summary = messages.get('list.summary');
  static override examples = messages.list('list.examples');

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
