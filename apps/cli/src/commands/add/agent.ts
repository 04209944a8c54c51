import { Flags } from '@oclif/core';
import { ProjectStore } from '@agentcore/schema';
import { AttachStrategyCommand } from '../../command-support/attach-command.js';
import { loadMessages } from '../../shared/messages.js';
import { addAgent, type AddAgentResult } from '../../operations/add-agent.js';
import { agentInput } from '../../command-support/command-inputs.js';
import { applyAgentDefaults } from '../../operations/add-agent-defaults.js';
import { askAdd, needsWizard } from '../../tui/gate.js';

const messages = loadMessages('add.agent');

export type AddAgentCommandResult = Omit<AddAgentResult, 'warnings'> & {
  /** The starter template used because no code source was given (`python`, as the official CLI defaults to Python). */
  starter?: string;
};

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
    type: Flags.string({ summary: messages.get('flags.type.summary'), helpValue: 'create|byo' }),
    language: Flags.string({ summary: messages.get('flags.language.summary'), helpValue: 'Python|TypeScript' }),
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
    const given = all ?? flags;
    const defaults = applyAgentDefaults(store.paths.root, agentInput(given, all ?? values), {
      type: typeof given.type === 'string' ? given.type : undefined,
      language: typeof given.language === 'string' ? given.language : undefined,
    });
    const { warnings, ...result } = await addAgent(store, registry, defaults.input);
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('success', { name: result.name, auth: result.authorizerType, code: result.codeLocation }));
    if (defaults.starter) this.log(messages.get('success.starter', { template: defaults.starter }));
    if (defaults.inferredEntrypoint) this.log(messages.get('success.entrypoint', { entrypoint: result.entrypoint }));
    for (const c of result.credentialsCreated) this.log(messages.get('success.credential', { credential: c }));
    return defaults.starter ? { ...result, starter: defaults.starter } : result;
  }
}
