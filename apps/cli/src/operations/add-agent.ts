/** The one code path that adds an agent (runtime): flags and wizard answers both end here. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FlagValues, StrategyRegistry } from '@agentcore/auth';
import {
  BuildTypeSchema,
  crashPoint,
  EntrypointSchema,
  FsTransaction,
  ProtocolSchema,
  recoverScaffolds,
  RuntimeNameSchema,
  RuntimeVersionSchema,
  scaffoldStagingPath,
  toWriteError,
  type ProjectStore,
  type Runtime,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { rejectUnselectedFlags, runFromFlags, selectStrategy } from '../shared/attach.js';
import { findTemplate, templateDir, AGENT_TEMPLATES } from '../shared/templates.js';
import { applyCredentialPlans } from './credential-plans.js';
import { ProblemList } from './problems.js';

export interface AddAgentInput {
  name?: string;
  codeLocation?: string;
  entrypoint?: string;
  build?: string;
  runtimeVersion?: string;
  protocol?: string;
  template?: string;
  description?: string;
  authorizerType?: string;
  /** Every parsed flag value, strategy flags included (secrets already resolved). */
  values: FlagValues;
}

export interface AddAgentResult {
  name: string;
  authorizerType: string;
  codeLocation: string;
  entrypoint: string;
  credentialsCreated: string[];
  scaffolded: boolean;
  warnings: string[];
}

const messages = loadMessages('add.agent');

function duplicateError(name: string): CliError {
  return new CliError('ERR_DUPLICATE', messages.get('error.AgentExists', { name }), {
    actions: messages.list('error.AgentExists.actions'),
    details: { name },
  });
}

export async function addAgent(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: AddAgentInput,
): Promise<AddAgentResult> {
  const p = new ProblemList();
  const name = p.field('name', RuntimeNameSchema, input.name);
  const template = input.template === undefined ? undefined : findTemplate(input.template, input.protocol);
  if (input.template !== undefined && !template)
    p.add({
      flag: 'template',
      message: messages.get('error.TemplateUnknown', {
        template: input.template,
        templates: Object.keys(AGENT_TEMPLATES).join(' or '),
      }),
    });
  if (!template && !input.codeLocation)
    p.add({
      flag: 'code-location',
      message: messages.get('error.CodeOrTemplate'),
    });
  if (!template && !input.entrypoint) p.add({ flag: 'entrypoint', message: messages.get('error.EntrypointMissing') });
  const codeLocation = input.codeLocation ?? (name ? `app/${name}/` : undefined);
  const entrypoint = p.optionalField('entrypoint', EntrypointSchema, input.entrypoint ?? template?.entrypoint);
  const build = p.field('build', BuildTypeSchema, input.build ?? 'CodeZip');
  const runtimeVersion = p.optionalField(
    'runtime-version',
    RuntimeVersionSchema,
    input.runtimeVersion?.toUpperCase() ?? template?.runtimeVersion,
  );
  const protocol = p.optionalField('protocol', ProtocolSchema, input.protocol?.toUpperCase() ?? 'HTTP');
  p.throwIfAny('add agent');
  // messages-check: internal — p.throwIfAny() above has already reported each missing field
  if (!name || !codeLocation || !entrypoint || !build) throw new TypeError('unreachable: validated above');

  const selection = selectStrategy(registry, 'inbound', input.authorizerType, ['AWS_IAM'], 'authorizer-type');
  rejectUnselectedFlags(registry, 'add agent', selection.strategy, input.values, 'authorizer-type');
  const { config: current } = await store.load();
  if (current.runtimes.some((r) => r.name === name)) throw duplicateError(name);
  const auth = selection.strategy
    ? runFromFlags(selection.strategy, input.values, { command: 'add agent', resourceName: name, project: current })
    : undefined;

  const runtime: Runtime = {
    name,
    ...(input.description ? { description: input.description } : {}),
    build,
    entrypoint,
    codeLocation: codeLocation.endsWith('/') ? codeLocation : `${codeLocation}/`,
    ...(runtimeVersion ? { runtimeVersion } : {}),
    ...(protocol ? { protocol } : {}),
    networkMode: 'PUBLIC',
    ...(selection.strategy && auth
      ? { authorizerType: selection.strategy.type, authorizerConfiguration: auth.config }
      : {}),
  };

  // Starter code goes into a staging folder first and is renamed into place right after agentcore.json names it
  // (fs-transaction.ts); an existing folder is the user's code and is used as it is. On failure only what this
  // command created is removed.
  const codeDir = join(store.paths.root, runtime.codeLocation);
  const tx = new FsTransaction();
  const staging = template && !existsSync(codeDir) ? scaffoldStagingPath(codeDir) : undefined;
  try {
    if (template && staging) tx.copyTree(templateDir(template), staging);
    crashPoint('add-agent:scaffolded');
    const { result } = await store.update((draft, ctx) => {
      if (draft.runtimes.some((r) => r.name === name)) throw duplicateError(name);
      // A killed earlier run for the same folder outside app/ left its staging folder where only we look.
      if (staging)
        recoverScaffolds(
          store.paths.root,
          draft.runtimes.map((r) => r.codeLocation),
          [dirname(codeDir)],
        );
      draft.runtimes.push(runtime);
      if (staging) ctx.afterWrite(() => tx.moveInto(staging, codeDir));
      return applyCredentialPlans(draft, ctx, auth?.credentials);
    });
    tx.commit();
    return {
      name,
      authorizerType: runtime.authorizerType ?? 'AWS_IAM',
      codeLocation: runtime.codeLocation,
      entrypoint,
      credentialsCreated: result,
      scaffolded: staging !== undefined,
      warnings: [...(auth?.warnings ?? [])],
    };
  } catch (err) {
    tx.rollback();
    throw toWriteError(err);
  }
}
