import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../shared/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addGateway, type AddGatewayResult } from '../../operations/add-gateway.js';

const messages = loadMessages('add.gateway');

export type AddGatewayCommandResult = Omit<AddGatewayResult, 'warnings'>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export default class AddGateway extends AttachStrategyCommand<AddGatewayCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    description: Flags.string({ summary: messages.get('flags.description.summary') }),
    'authorizer-type': Flags.string({ summary: messages.get('flags.authorizer-type.summary'), helpValue: 'NONE|AWS_IAM|<installed>' }),
    'semantic-search': Flags.boolean({ summary: messages.get('flags.semantic-search.summary'), allowNo: true }),
    'exception-level': Flags.string({ summary: messages.get('flags.exception-level.summary'), helpValue: 'NONE|DEBUG' }),
  };

  async run(): Promise<AddGatewayCommandResult> {
    const { flags, values, registry } = await this.parseWithStrategies('add gateway');
    const store = await ProjectStore.open({ model: registry.model() });
    const { warnings, ...result } = await addGateway(store, registry, {
      name: str(flags.name),
      description: str(flags.description),
      authorizerType: str(flags['authorizer-type']),
      semanticSearch: typeof flags['semantic-search'] === 'boolean' ? flags['semantic-search'] : undefined,
      exceptionLevel: str(flags['exception-level']),
      values,
    });
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('success', { name: result.name, auth: result.authorizerType }));
    return result;
  }
}
