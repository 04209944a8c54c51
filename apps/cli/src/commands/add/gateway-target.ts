import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../shared/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addGatewayTarget, type AddGatewayTargetResult } from '../../operations/add-gateway-target.js';
import { splitList } from '../../shared/flags.js';

const messages = loadMessages('add.gateway-target');

export type AddGatewayTargetCommandResult = Omit<AddGatewayTargetResult, 'warnings'>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export default class AddGatewayTarget extends AttachStrategyCommand<AddGatewayTargetCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary') }),
    type: Flags.string({ summary: messages.get('flags.type.summary'), helpValue: 'mcp-server|open-api-schema|smithy-model|api-gateway|lambda-function-arn' }),
    endpoint: Flags.string({ summary: messages.get('flags.endpoint.summary') }),
    schema: Flags.string({ summary: messages.get('flags.schema.summary') }),
    'rest-api-id': Flags.string({ summary: messages.get('flags.rest-api-id.summary') }),
    stage: Flags.string({ summary: messages.get('flags.stage.summary') }),
    'tool-filter': Flags.string({ summary: messages.get('flags.tool-filter.summary'), multiple: true }),
    'lambda-arn': Flags.string({ summary: messages.get('flags.lambda-arn.summary') }),
    'tool-schema-file': Flags.string({ summary: messages.get('flags.tool-schema-file.summary') }),
    'outbound-auth': Flags.string({ summary: messages.get('flags.outbound-auth.summary'), helpValue: 'none|gateway-iam-role|<installed>' }),
    'credential-name': Flags.string({ summary: messages.get('flags.credential-name.summary') }),
  };

  async run(): Promise<AddGatewayTargetCommandResult> {
    const { flags, values, registry } = await this.parseWithStrategies('add gateway-target');
    const store = await ProjectStore.open({ model: registry.model() });
    const { warnings, ...result } = await addGatewayTarget(store, registry, {
      name: str(flags.name),
      gateway: str(flags.gateway),
      type: str(flags.type),
      endpoint: str(flags.endpoint),
      schema: str(flags.schema),
      restApiId: str(flags['rest-api-id']),
      stage: str(flags.stage),
      toolFilters: splitList(flags['tool-filter'] as string[] | undefined),
      lambdaArn: str(flags['lambda-arn']),
      toolSchemaFile: str(flags['tool-schema-file']),
      outboundAuth: str(flags['outbound-auth']),
      credentialName: str(flags['credential-name']),
      values,
    });
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('success', { name: result.name, gateway: result.gateway, type: result.targetType, auth: result.outboundAuth }));
    return result;
  }
}
