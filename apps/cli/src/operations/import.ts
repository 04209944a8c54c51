/** `agentcore import gateway|runtime`: fetch, map through the strategies, then write with ProjectStore.update (or preview). */
import type { StrategyRegistry } from '@agentcore/auth';
import { mapGateway, mapRuntime, readGateway, readRuntime } from '@agentcore/import';
import {
  GatewayNameSchema,
  RuntimeNameSchema,
  type Gateway,
  type ProjectConfig,
  type ProjectStore,
  type Runtime,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { credentialLookup, resolveSource, type SourceInput } from './import-source.js';
import { ProblemList } from './problems.js';

export interface ImportInput extends SourceInput {
  /** Local name; default derived from the AWS name. */
  name?: string;
  dryRun?: boolean;
  /** Deploy target whose credential ARNs to use (default: all). */
  target?: string;
}

const messages = loadMessages('import');

export interface ImportCommandResult {
  kind: 'gateway' | 'runtime';
  name: string;
  /** Where the responses came from. */
  source: 'file' | 'aws';
  written: boolean;
  dryRun: boolean;
  /** The entry as written (or as it would be written). Holds no secrets: AWS returns none. */
  entry: Gateway | Runtime;
  /** Imported target names (gateways). */
  targets?: string[];
  warnings: string[];
}

function duplicate(kind: string, name: string): CliError {
  return new CliError('ERR_DUPLICATE', messages.get('error.Duplicate', { kind, name }), {
    actions: messages.list('error.Duplicate.actions', { removeKind: kind === 'runtime' ? 'agent' : kind }),
    details: { kind, name },
  });
}

function insert(draft: ProjectConfig, kind: 'gateway' | 'runtime', entry: Gateway | Runtime): void {
  if (kind === 'gateway') {
    if (draft.agentCoreGateways.some((g) => g.name === entry.name)) throw duplicate(kind, entry.name);
    draft.agentCoreGateways.push(entry as Gateway);
  } else {
    if (draft.runtimes.some((r) => r.name === entry.name)) throw duplicate(kind, entry.name);
    draft.runtimes.push(entry as Runtime);
  }
}

export async function runImport(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: ImportInput,
  cwd: string = process.cwd(),
): Promise<ImportCommandResult> {
  const p = new ProblemList();
  const localName =
    input.name === undefined
      ? undefined
      : p.field('name', input.kind === 'gateway' ? GatewayNameSchema : RuntimeNameSchema, input.name);
  p.throwIfAny(`import ${input.kind}`);

  const { config } = await store.load();
  const { source, identifier, origin } = await resolveSource(input, cwd);
  let entry: Gateway | Runtime;
  let warnings: string[];
  if (input.kind === 'gateway') {
    const responses = await readGateway(source, identifier);
    const credentialNameForArn = await credentialLookup(store, input.target);
    ({ gateway: entry, warnings } = mapGateway(responses, {
      projectName: config.name,
      localName,
      registry,
      credentialNameForArn,
    }));
  } else {
    ({ runtime: entry, warnings } = mapRuntime(await readRuntime(source, identifier), {
      projectName: config.name,
      localName,
      registry,
    }));
  }
  const derived = (input.kind === 'gateway' ? GatewayNameSchema : RuntimeNameSchema).safeParse(entry.name);
  if (!derived.success) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      messages.get('error.LocalNameInvalid', {
        name: entry.name,
        kind: input.kind,
        reason: derived.error.issues[0]?.message ?? '',
      }),
      {
        actions: messages.list('error.LocalNameInvalid.actions'),
        details: { name: entry.name },
      },
    );
  }

  const targets = input.kind === 'gateway' ? (entry as Gateway).targets.map((t) => t.name) : undefined;
  const base = {
    kind: input.kind,
    name: entry.name,
    source: origin,
    dryRun: input.dryRun === true,
    entry,
    ...(targets ? { targets } : {}),
  };
  if (input.dryRun) {
    const draft = structuredClone(config);
    insert(draft, input.kind, entry);
    const { warnings: modelWarnings } = store.model.parse(draft, store.paths.configFile);
    return { ...base, written: false, warnings: [...warnings, ...modelWarnings] };
  }
  const written = entry;
  await store.update((draft) => insert(draft, input.kind, written));
  return { ...base, written: true, warnings };
}
