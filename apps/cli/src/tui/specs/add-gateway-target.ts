/**
 * `add gateway-target` wizard: gateway, name, type and its fields, then the outbound auth that type allows
 * (`allowedOutboundAuth`) and the chosen strategy's prompts (e.g. API-key credential and placement).
 */
import type { FlagContext } from '@agentcore/auth';
import {
  creatableTargetTypes,
  HttpUrlSchema,
  TargetNameSchema,
  targetTypeFromCli,
  type TargetType,
} from '@agentcore/schema';
import { CliError } from '../../shared/errors.js';
import { loadMessages } from '../../shared/messages.js';
import type { Answers, WizardSpec, WizardStep } from '../wizard/types.js';
import { authProblems, authSteps, outboundChoices } from './auth.js';
import type { AttachWizardDeps } from './add-agent.js';
import { fieldCheck } from './fields.js';

/** The fields each creatable target type asks for (flag names), in order. */
const TYPE_FIELDS: Readonly<
  Partial<Record<TargetType, readonly { flag: string; kind: 'text' | 'list'; optional?: boolean; url?: boolean }[]>>
> = {
  mcpServer: [{ flag: 'endpoint', kind: 'text', url: true }],
  openApiSchema: [{ flag: 'schema', kind: 'text' }],
  smithyModel: [{ flag: 'schema', kind: 'text' }],
  apiGateway: [
    { flag: 'rest-api-id', kind: 'text' },
    { flag: 'stage', kind: 'text' },
    { flag: 'tool-filter', kind: 'list', optional: true },
  ],
  lambdaFunctionArn: [
    { flag: 'lambda-arn', kind: 'text' },
    { flag: 'tool-schema-file', kind: 'text' },
  ],
};

export function addGatewayTargetSpec({ registry, project }: AttachWizardDeps): WizardSpec {
  const m = loadMessages('add.gateway-target');
  const gateways = project.agentCoreGateways.map((g) => g.name);
  if (gateways.length === 0) {
    throw new CliError('ERR_NOT_FOUND', m.get('prompt.error.NoGateways'), {
      actions: [m.get('prompt.error.NoGateways.action')],
    });
  }
  const typeOf = (a: Answers): TargetType | undefined =>
    typeof a.type === 'string' ? targetTypeFromCli(a.type) : undefined;
  const ctx = (a: Answers, targetType: TargetType): FlagContext => ({
    command: 'add gateway-target',
    resourceName: typeof a.name === 'string' ? a.name : '',
    targetType,
    project,
  });
  const typeSteps = (a: Answers): WizardStep[] => {
    const t = typeOf(a);
    if (!t) return [];
    const fields: WizardStep[] = (TYPE_FIELDS[t] ?? []).map((f) => ({
      key: f.flag,
      flag: f.flag,
      kind: f.kind,
      message: m.get(`prompt.${f.flag}`),
      hint: m.get(`flags.${f.flag}.summary`),
      ...(f.optional ? { optional: true } : {}),
      ...(f.url ? { validate: fieldCheck(HttpUrlSchema) } : {}),
    }));
    return [...fields, ...authSteps(outboundChoices(registry, t), m.get('prompt.outbound-auth'), a, ctx(a, t))];
  };
  return {
    id: 'add gateway-target',
    title: m.get('prompt.title'),
    plan: (a) => [
      {
        key: 'gateway',
        flag: 'gateway',
        kind: 'select',
        message: m.get('prompt.gateway'),
        options: gateways.map((g) => ({ value: g, label: g })),
      },
      {
        key: 'name',
        flag: 'name',
        kind: 'text',
        message: m.get('prompt.name'),
        hint: m.get('flags.name.summary'),
        validate: fieldCheck(TargetNameSchema),
      },
      {
        key: 'type',
        flag: 'type',
        kind: 'select',
        message: m.get('prompt.type'),
        options: creatableTargetTypes().map((c) => ({ value: c.cli, label: c.cli })),
      },
      ...typeSteps(a),
    ],
    check: (a) => {
      const t = typeOf(a);
      return t ? authProblems(outboundChoices(registry, t), a, ctx(a, t)) : [];
    },
  };
}
