import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../command-support/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addGatewayTarget, type AddGatewayTargetResult } from '../../operations/add-gateway-target.js';
import { gatewayTargetInput } from '../../command-support/command-inputs.js';
import { askAdd, needsWizard } from '../../tui/gate.js';

const messages = loadMessages('add.gateway-target');

export type AddGatewayTargetCommandResult = Omit<AddGatewayTargetResult, 'warnings'>;

export default class AddGatewayTarget extends AttachStrategyCommand<AddGatewayTargetCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary') }),
    type: Flags.string({
      summary: messages.get('flags.type.summary'),
      helpValue: 'mcp-server|open-api-schema|smithy-model|api-gateway|lambda-function-arn',
    }),
    endpoint: Flags.string({ summary: messages.get('flags.endpoint.summary') }),
    schema: Flags.string({ summary: messages.get('flags.schema.summary') }),
    'rest-api-id': Flags.string({ summary: messages.get('flags.rest-api-id.summary') }),
    stage: Flags.string({ summary: messages.get('flags.stage.summary') }),
    'tool-filter': Flags.string({ summary: messages.get('flags.tool-filter.summary'), multiple: true }),
    'lambda-arn': Flags.string({ summary: messages.get('flags.lambda-arn.summary') }),
    'tool-schema-file': Flags.string({ summary: messages.get('flags.tool-schema-file.summary') }),
    'outbound-auth': Flags.string({
      summary: messages.get('flags.outbound-auth.summary'),
      helpValue: 'none|gateway-iam-role|<installed>',
    }),
    'credential-name': Flags.string({ summary: messages.get('flags.credential-name.summary') }),
  };

  async run(): Promise<AddGatewayTargetCommandResult> {
    const { flags, values, registry } = await this.parseWithStrategies('add gateway-target');
    const wizard = needsWizard('add gateway-target', flags, { json: this.jsonEnabled() });
    const store = await ProjectStore.open({ model: registry.model() });
    // In a terminal, missing inputs are asked for; the answers are flag values and take the same path as flags.
    const all = wizard ? await askAdd('add gateway-target', { registry, store }, values) : undefined;
    const { warnings, ...result } = await addGatewayTarget(
      store,
      registry,
      gatewayTargetInput(all ?? flags, all ?? values),
    );
    warnings.forEach((w) => this.addWarning(w));
    this.log(
      messages.get('success', {
        name: result.name,
        gateway: result.gateway,
        type: result.targetType,
        auth: result.outboundAuth,
      }),
    );
    return result;
  }
}
