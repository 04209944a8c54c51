import { Args, Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import { generatePlugin, type GeneratePluginResult, type PluginDirection } from '../../operations/generate-plugin.js';

const messages = loadMessages('plugins.generate');

export type PluginsGenerateResult = GeneratePluginResult;

export default class PluginsGenerate extends AgentcoreCommand<PluginsGenerateResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override args = {
    name: Args.string({ description: messages.get('args.name.description'), required: true }),
  };
  static override flags = {
    dir: Flags.string({ summary: messages.get('flags.dir.summary') }),
    direction: Flags.string({
      summary: messages.get('flags.direction.summary'),
      options: ['inbound', 'outbound'],
      default: 'outbound',
    }),
    'package-name': Flags.string({ summary: messages.get('flags.package-name.summary') }),
  };

  async run(): Promise<PluginsGenerateResult> {
    const { args, flags } = await this.parse(PluginsGenerate);
    const result = await generatePlugin({
      name: args.name,
      direction: flags.direction as PluginDirection,
      dir: flags.dir,
      packageName: flags['package-name'],
    });
    this.log(messages.get('success', { packageName: result.packageName, dir: result.dir, type: result.type }));
    return result;
  }
}
