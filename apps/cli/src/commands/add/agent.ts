import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../shared/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addAgent, type AddAgentResult } from '../../operations/add-agent.js';
import { agentInput } from '../../shared/command-inputs.js';
import { askAdd, needsWizard } from '../../tui/gate.js';

const messages = loadMessages('add.agent');

export type AddAgentCommandResult = Omit<AddAgentResult, 'warnings'>;

export default class AddAgent extends AttachStrategyCommand<AddAgentCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    template: Flags.string({ summary: messages.get('flags.template.summary'), helpValue: 'node|python' }),
    'code-location': Flags.string({ summary: messages.get('flags.code-location.summary') }),
    entrypoint: Flags.string({ summary: messages.get('flags.entrypoint.summary') }),
    build: Flags.string({ summary: messages.get('flags.build.summary'), helpValue: 'CodeZip|Container' }),
    'runtime-version': Flags.string({ summary: messages.get('flags.runtime-version.summary') }),
    protocol: Flags.string({ summary: messages.get('flags.protocol.summary'), helpValue: 'HTTP|MCP|A2A|AGUI' }),
    description: Flags.string({ summary: messages.get('flags.description.summary') }),
    'authorizer-type': Flags.string({
      summary: messages.get('flags.authorizer-type.summary'),
      helpValue: 'AWS_IAM|<installed>',
    }),
  };

  async run(): Promise<AddAgentCommandResult> {
    const { flags, values, registry } = await this.parseWithStrategies('add agent');
    const wizard = needsWizard('add agent', flags, { json: this.jsonEnabled() });
    const store = await ProjectStore.open({ model: registry.model() });
    // In a terminal, missing inputs are asked for; the answers are flag values and take the same path as flags.
    const all = wizard ? await askAdd('add agent', { registry, store }, values) : undefined;
    const { warnings, ...result } = await addAgent(store, registry, agentInput(all ?? flags, all ?? values));
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('success', { name: result.name, auth: result.authorizerType, code: result.codeLocation }));
    for (const c of result.credentialsCreated) this.log(messages.get('success.credential', { credential: c }));
    return result;
  }
}
