/**
 * When an interactive command opens its wizard, and when it fails instead. No ink or react here: this module is
 * imported by the commands on every run, and the wizard code is loaded only after the decision is "interactive".
 */
import { StrategyRegistry, type FlagValues } from '@agentcore/auth';
import type { ProjectStore } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { cliMessages, loadMessages } from '../shared/messages.js';
import type { LaunchModule, WizardOutcome } from './launch-types.js';
import type { AddCommand } from './specs/index.js';

export type InteractiveCommand =
  'add agent' | 'add gateway' | 'add gateway-target' | 'add credential' | 'invoke' | 'fetch access';

/**
 * The one list of required inputs per command. Each requirement is a list of alternatives; an alternative is a set
 * of flags that must all be given. `add agent` needs only `--name`: without a code source it makes the Python starter
 * agent, and an own-code entry file defaults as in the official CLI (operations/add-agent-defaults.ts).
 */
export const REQUIRED_INPUTS: Readonly<Record<InteractiveCommand, readonly (readonly (readonly string[])[])[]>> = {
  'add agent': [[['name']]],
  'add gateway': [[['name']]],
  'add gateway-target': [[['name']], [['gateway']], [['type']]],
  'add credential': [[['name']], [['type']]],
  invoke: [[['prompt'], ['prompt-file']]],
  'fetch access': [[['name']]],
};

const given = (v: unknown): boolean => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * Missing requirements, each rendered as `--a` or `--a or --b with --c` (the joining words from the `interactive`
 * bundle, read only when something is missing).
 */
export function missingInputs(command: InteractiveCommand, values: Readonly<Record<string, unknown>>): string[] {
  const open = REQUIRED_INPUTS[command].filter(
    (alternatives) => !alternatives.some((set) => set.every((f) => given(values[f]))),
  );
  if (open.length === 0) return [];
  const m = loadMessages('interactive');
  const joined = (items: readonly string[], key: string) =>
    items.slice(1).reduce((a, b) => m.get(key, { a, b }), items[0] ?? '');
  return open.map((alternatives) =>
    joined(
      alternatives.map((set) =>
        joined(
          set.filter((f) => !given(values[f])).map((f) => (f === 'prompt' ? '<prompt>' : `--${f}`)),
          'missing.with',
        ),
      ),
      'missing.or',
    ),
  );
}

export interface TerminalInfo {
  json: boolean;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** A person is at a terminal: both ends are TTYs, no `--json`, and `CI` is not set. */
export function isInteractive(t: TerminalInfo): boolean {
  const env = t.env ?? process.env;
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return (
    !t.json && !ci && (t.stdinIsTTY ?? process.stdin.isTTY === true) && (t.stdoutIsTTY ?? process.stdout.isTTY === true)
  );
}

/**
 * True when the wizard should open (inputs missing, at a terminal). Without a terminal a missing input fails at
 * once with ERR_MISSING_FLAGS (exit 2) naming every missing flag, so scripts never hang waiting for input.
 */
export function needsWizard(
  command: InteractiveCommand,
  values: Readonly<Record<string, unknown>>,
  terminal: TerminalInfo,
): boolean {
  const missing = missingInputs(command, values);
  if (missing.length === 0) return false;
  if (isInteractive(terminal)) return true;
  const m = loadMessages('interactive');
  throw new CliError('ERR_MISSING_FLAGS', cliMessages.get('error.MissingFlags', { flags: missing.join(', ') }), {
    actions: m.list('error.MissingFlags.actions', { command }),
    details: { missing, interactive: false },
  });
}

/**
 * The wizard modules, loaded only now. The URL form keeps bundlers (the cold-start bundle of `add credential`)
 * from inlining ink and react into the command.
 */
export async function loadLaunch(): Promise<LaunchModule> {
  return (await import(new URL('./launch.js', import.meta.url).href)) as LaunchModule;
}

/** A wizard that ended without answers becomes ERR_CANCELLED (exit 130); nothing was written. */
export function answersOrThrow(outcome: WizardOutcome): Extract<WizardOutcome, { status: 'done' }>['answers'] {
  if (outcome.status === 'done') return outcome.answers;
  return throwCancelled();
}

/** The user left a screen (Esc on a first step, Ctrl-C): ERR_CANCELLED, exit 130. */
export function throwCancelled(): never {
  const m = loadMessages('interactive');
  throw new CliError('ERR_CANCELLED', m.get('error.Cancelled'), {
    actions: m.list('error.Cancelled.actions'),
    exitCode: 130,
  });
}

/** Registry and store of an attach command (a credential wizard needs neither). */
export interface AddWizardContext {
  registry?: StrategyRegistry;
  store: ProjectStore;
}

/**
 * Ask the `add` wizard for everything the command line did not give, and return all flag values (given + answered)
 * for the command to hand to its operation exactly as it does for flags.
 */
export async function askAdd(command: AddCommand, context: AddWizardContext, values: FlagValues): Promise<FlagValues> {
  const { config } = await context.store.load();
  const registry = context.registry ?? new StrategyRegistry();
  const { launchAddWizard } = await loadLaunch();
  const answers = answersOrThrow(await launchAddWizard(command, { registry, project: config }, values));
  return { ...values, ...answers } as FlagValues;
}
