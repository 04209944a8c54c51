/**
 * The one code path that adds a credential (flags and wizard both end here). What a kind needs and stores comes
 * from its declaration in the registry (`add credential --type <kind>`).
 */
import type { FlagValues, StrategyRegistry } from '@agentcore/auth';
import {
  CredentialNameSchema,
  credentialEnvName,
  type Credential,
  type ProjectConfig,
  type ProjectStore,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { ProblemList } from './problems.js';

export interface AddCredentialInput {
  name?: string;
  type?: string;
  force?: boolean;
  /** Every other flag value (secrets already read from stdin or the environment). */
  values: FlagValues;
}

export interface AddCredentialResult {
  name: string;
  authorizerType: string;
  /** `.env.local` variables written (names only). */
  envKeys: string[];
  replaced: boolean;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}` : (items[0] ?? '');
}

const given = (v: unknown) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

export function planCredential(
  registry: StrategyRegistry,
  project: Readonly<ProjectConfig>,
  input: AddCredentialInput,
): { credential: Credential; secrets: Record<string, string> } {
  const m = loadMessages('add.credential');
  const p = new ProblemList();
  const name = p.field('name', CredentialNameSchema, input.name);
  const kinds = registry.credentialKinds;
  const entry = input.type ? kinds.find(input.type) : undefined;
  if (!entry) {
    const names = kinds.all().map((e) => e.kind.cliName);
    p.add({
      flag: 'type',
      message: m.get('problem.type', {
        kinds: orList(names),
        got: input.type ?? 'nothing',
      }),
    });
  }
  const secrets: Record<string, string> = {};
  let credential: Credential | undefined;
  if (name && entry) {
    const { kind } = entry;
    const result = kind.fromFlags(input.values, { name, project });
    if (!result.ok) result.problems.forEach((problem) => p.add(problem));
    else {
      credential = { authorizerType: kind.authorizerType, name, ...result.fields };
      for (const field of kind.secretFields) {
        const value = result.secrets[field.flag];
        if (value !== undefined) secrets[credentialEnvName(name, field.envSuffix)] = value;
      }
    }
    // Flags of other kinds are mistakes (e.g. --client-id with --type api-key): name them with their kind.
    for (const other of kinds.all()) {
      if (other === entry) continue;
      const stray = other.kind.flags.filter((f) => given(input.values[f.name])).map((f) => `--${f.name}`);
      if (stray.length > 0)
        p.add({
          flag: stray[0]?.slice(2),
          message: m.get(stray.length === 1 ? 'problem.otherKind' : 'problem.otherKinds', {
            flags: stray.length > 1 ? `${stray.slice(0, -1).join(', ')} and ${stray.at(-1) ?? ''}` : (stray[0] ?? ''),
            kind: other.kind.cliName,
          }),
        });
    }
  }
  p.throwIfAny('add credential');
  // messages-check: internal — every path above either plans a credential or throws through p.throwIfAny()
  if (!credential) throw new TypeError('unreachable: credential not planned');
  return { credential, secrets };
}

export async function addCredential(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: AddCredentialInput,
): Promise<AddCredentialResult> {
  const { config } = await store.load();
  const { credential, secrets } = planCredential(registry, config, input);
  const { result } = await store.update((draft, ctx) => {
    const i = draft.credentials.findIndex((c) => c.name === credential.name);
    if (i >= 0 && !input.force) {
      const m = loadMessages('add.credential');
      throw new CliError('ERR_DUPLICATE', m.get('error.CredentialExists', { name: credential.name }), {
        actions: m.list('error.CredentialExists.actions'),
        details: { name: credential.name },
      });
    }
    if (i >= 0) draft.credentials[i] = credential;
    else draft.credentials.push(credential);
    ctx.stageSecrets({ set: secrets });
    return i >= 0;
  });
  return {
    name: credential.name,
    authorizerType: credential.authorizerType,
    envKeys: Object.keys(secrets),
    replaced: result,
  };
}
