import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../command-support/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addGateway, type AddGatewayResult } from '../../operations/add-gateway.js';
import { gatewayInput } from '../../command-support/command-inputs.js';
import { askAdd, needsWizard } from '../../tui/gate.js';

const messages = loadMessages('add.gateway');

export type AddGatewayCommandResult = Omit<AddGatewayResult, 'warnings'>;

export default class AddGateway extends AttachStrategyCommand<AddGatewayCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    description: Flags.string({ summary: messages.get('flags.description.summary') }),
    'authorizer-type': Flags.string({
      summary: messages.get('flags.authorizer-type.summary'),
      helpValue: 'NONE|AWS_IAM|<installed>',
    }),
    'semantic-search': Flags.boolean({ summary: messages.get('flags.semantic-search.summary'), allowNo: true }),
    'exception-level': Flags.string({
      summary: messages.get('flags.exception-level.summary'),
      helpValue: 'NONE|DEBUG',
    }),
  };

  async run(): Promise<AddGatewayCommandResult> {
    const { flags, values, registry } = await this.parseWithStrategies('add gateway');
    const wizard = needsWizard('add gateway', flags, { json: this.jsonEnabled() });
    const store = await ProjectStore.open({ model: registry.model() });
    // In a terminal, missing inputs are asked for; the answers are flag values and take the same path as flags.
    const all = wizard ? await askAdd('add gateway', { registry, store }, values) : undefined;
    const { warnings, ...result } = await addGateway(store, registry, gatewayInput(all ?? flags, all ?? values));
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('success', { name: result.name, auth: result.authorizerType }));
    return result;
  }
}
