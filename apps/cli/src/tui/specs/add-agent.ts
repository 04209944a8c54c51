/**
 * `add agent` wizard: name, description, template or own code (with build, runtime version and protocol), then
 * inbound auth from the registry and the strategy's prompts.
 */
import type { FlagContext, StrategyRegistry } from '@agentcore/auth';
import {
  BuildTypeSchema,
  EntrypointSchema,
  ProtocolSchema,
  RuntimeDescriptionSchema,
  RuntimeNameSchema,
  RuntimeVersionSchema,
  type ProjectConfig,
} from '@agentcore/schema';
import { loadMessages } from '../../shared/messages.js';
import { AGENT_TEMPLATES } from '../../shared/templates.js';
import type { Answers, WizardSpec, WizardStep } from '../wizard/types.js';
import { authProblems, authSteps, inboundChoices } from './auth.js';
import { fieldCheck } from './fields.js';

export interface AttachWizardDeps {
  registry: StrategyRegistry;
  project: Readonly<ProjectConfig>;
  /** Flags given on the command line (never asked). */
  preset?: Answers;
}

export function addAgentSpec({ registry, project, preset = {} }: AttachWizardDeps): WizardSpec {
  const m = loadMessages('add.agent');
  const choices = inboundChoices(registry, 'runtime');
  const ctx = (a: Answers): FlagContext => ({
    command: 'add agent',
    resourceName: typeof a.name === 'string' ? a.name : '',
    project,
  });
  // Decided by the command line only, so the plan keeps its shape while the wizard fills answers in.
  const known =
    preset.template !== undefined
      ? 'template'
      : preset['code-location'] !== undefined || preset.entrypoint !== undefined
        ? 'code'
        : undefined;
  const sourceSteps = (a: Answers): WizardStep[] => {
    const source = known ?? a.source;
    const steps: WizardStep[] = known
      ? []
      : [
          {
            key: 'source',
            flag: 'source',
            internal: true,
            kind: 'select',
            message: m.get('prompt.source'),
            options: [
              { value: 'template', label: m.get('prompt.source.template') },
              { value: 'code', label: m.get('prompt.source.code') },
            ],
          },
        ];
    if (source === 'template') {
      steps.push({
        key: 'template',
        flag: 'template',
        kind: 'select',
        message: m.get('prompt.template'),
        options: Object.keys(AGENT_TEMPLATES).map((t) => ({ value: t, label: t })),
      });
    } else if (source === 'code') {
      steps.push(
        { key: 'code-location', flag: 'code-location', kind: 'text', message: m.get('prompt.code-location') },
        {
          key: 'entrypoint',
          flag: 'entrypoint',
          kind: 'text',
          message: m.get('prompt.entrypoint'),
          validate: fieldCheck(EntrypointSchema),
        },
        {
          key: 'runtime-version',
          flag: 'runtime-version',
          kind: 'select',
          message: m.get('prompt.runtime-version'),
          options: RuntimeVersionSchema.options.map((v) => ({ value: v, label: v })),
          initial: 'PYTHON_3_12',
        },
        {
          key: 'build',
          flag: 'build',
          kind: 'select',
          message: m.get('prompt.build'),
          hint: m.get('flags.build.summary'),
          options: BuildTypeSchema.options.map((v) => ({ value: v, label: v })),
          initial: 'CodeZip',
        },
        {
          key: 'protocol',
          flag: 'protocol',
          kind: 'select',
          message: m.get('prompt.protocol'),
          hint: m.get('flags.protocol.summary'),
          options: ProtocolSchema.options.map((v) => ({ value: v, label: v })),
          initial: 'HTTP',
        },
      );
    }
    return steps;
  };
  return {
    id: 'add agent',
    title: m.get('prompt.title'),
    plan: (a) => [
      {
        key: 'name',
        flag: 'name',
        kind: 'text',
        message: m.get('prompt.name'),
        hint: m.get('flags.name.summary'),
        validate: fieldCheck(RuntimeNameSchema),
      },
      {
        key: 'description',
        flag: 'description',
        kind: 'text',
        message: m.get('prompt.description'),
        hint: m.get('flags.description.summary'),
        optional: true,
        validate: fieldCheck(RuntimeDescriptionSchema),
      },
      ...sourceSteps(a),
      ...authSteps(choices, m.get('prompt.authorizer-type'), a, ctx(a)),
    ],
    check: (a) => authProblems(choices, a, ctx(a)),
  };
}
