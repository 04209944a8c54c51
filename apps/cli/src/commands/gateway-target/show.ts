import { Args, Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import { openProject } from '../../shared/project.js';
import { showGatewayTarget, type ShowGatewayTargetResult } from '../../operations/show-gateway-target.js';

const messages = loadMessages('gateway-target.show');
const INDENT = '  ';

export type { ShowGatewayTargetResult };

export default class GatewayTargetShow extends AgentcoreCommand<ShowGatewayTargetResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override args = {
    name: Args.string({ description: messages.get('args.name.summary'), required: true }),
  };
  static override flags = {
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary') }),
  };

  async run(): Promise<ShowGatewayTargetResult> {
    const { args, flags } = await this.parse(GatewayTargetShow);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const result = await showGatewayTarget(
      store,
      registry,
      { name: args.name, ...(flags.gateway ? { gateway: flags.gateway } : {}) },
      (type, err) =>
        this.addWarning(
          messages.get('warning.StrategyFailed', { type, reason: err instanceof Error ? err.name : 'error' }),
        ),
    );
    const auth = result.outboundAuth;
    this.log(messages.get('output.title', { name: result.name, type: result.targetTypeCli, gateway: result.gateway }));
    this.log(INDENT + messages.get('output.source', { source: result.source }));
    this.log(INDENT + messages.get('output.auth', { description: auth.description }));
    if (auth.plugin) this.log(INDENT + messages.get('output.plugin', { plugin: auth.plugin }));
    if (auth.preview) this.log(INDENT + messages.get('output.preview', { preview: auth.preview }));
    return result;
  }
}
