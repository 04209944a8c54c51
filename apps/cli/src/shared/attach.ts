/**
 * Selecting a strategy and running its `fromFlags`: shared by every attach command and by the wizards, so flags
 * and wizard answers go through one code path. Pure apart from reading stdin for `-` secrets.
 */
import type {
  AttachCommand,
  FlagContext,
  FlagValues,
  FromFlagsResult,
  InboundStrategy,
  OutboundStrategy,
  StrategyRegistry,
} from '@agentcore/auth';
import { CliError } from './errors.js';
import { cliMessages } from './messages.js';

type Direction = 'inbound' | 'outbound';

export interface Selection<S> {
  strategy?: S;
  /** Built-in type (AWS_IAM, NONE, GATEWAY_IAM_ROLE) when no strategy is selected. */
  builtin?: string;
}

/**
 * Resolve `--authorizer-type` / `--outbound-auth` to a strategy or a built-in. Unknown values name the plugin to
 * install, or the installed choices.
 */
export function selectStrategy<D extends Direction>(
  registry: StrategyRegistry,
  direction: D,
  value: string | undefined,
  builtins: readonly string[],
  selectorFlag: string,
): Selection<D extends 'inbound' ? InboundStrategy : OutboundStrategy> {
  if (value === undefined) return {};
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const builtin = builtins.find((b) => norm(b) === norm(value));
  if (builtin) return { builtin };
  const found = registry.find(direction, value);
  if (found) return { strategy: found.strategy as D extends 'inbound' ? InboundStrategy : OutboundStrategy };
  const other = registry.find(direction === 'inbound' ? 'outbound' : 'inbound', value);
  const hint = other ? undefined : registry.installHint(value);
  if (hint) {
    throw new CliError(
      'ERR_STRATEGY_NOT_INSTALLED',
      cliMessages.get('error.StrategyNotInstalled', { flag: selectorFlag, value, plugin: hint }),
      {
        actions: cliMessages.list('error.StrategyNotInstalled.actions', { plugin: hint }),
        details: { flag: selectorFlag, value, plugin: hint },
      },
    );
  }
  const installed = [
    ...builtins,
    ...(direction === 'inbound' ? registry.inbound() : registry.outbound()).map((s) => s.cliName),
  ];
  throw new CliError(
    'ERR_INVALID_INPUT',
    cliMessages.get('error.UnknownAuthType', { flag: selectorFlag, value, choices: installed.join(', ') }),
    {
      actions: cliMessages.list('error.UnknownAuthType.actions', { choices: installed.join(', ') }),
      details: { flag: selectorFlag, value, choices: installed },
    },
  );
}

/** Flags of strategies other than the selected one are an error ("--api-key-prefix needs --outbound-auth api-key"). */
export function rejectUnselectedFlags(
  registry: StrategyRegistry,
  command: AttachCommand,
  selected: { type: string } | undefined,
  values: FlagValues,
  selectorFlag: string,
): void {
  for (const { entry, flags } of registry.flagsFor(command)) {
    if (entry.strategy === selected) continue;
    const given = flags.filter((f) => values[f.name] !== undefined && values[f.name] !== false);
    const first = given[0];
    if (first) {
      throw new CliError(
        'ERR_STRATEGY_FLAG_UNSELECTED',
        cliMessages.get('error.FlagNeedsStrategy', {
          flag: first.name,
          selector: selectorFlag,
          value: entry.strategy.cliName,
        }),
        {
          actions: cliMessages.list('error.FlagNeedsStrategy.actions', {
            selector: selectorFlag,
            value: entry.strategy.cliName,
            flags: given.map((f) => `--${f.name}`).join(', '),
          }),
          details: { flags: given.map((f) => f.name), strategy: entry.strategy.type },
        },
      );
    }
  }
}

/** Run the selected strategy's `fromFlags` and turn its problems into one coded error. */
export function runFromFlags<C>(
  strategy: { fromFlags(v: FlagValues, c: FlagContext): FromFlagsResult<C>; type: string },
  values: FlagValues,
  ctx: FlagContext,
) {
  const result = strategy.fromFlags(values, ctx);
  if (!result.ok) {
    const list = result.problems.map((p) => `${p.flag ? `--${p.flag}: ` : ''}${p.message}`);
    throw new CliError(
      'ERR_INVALID_INPUT',
      list.length === 1
        ? (list[0] ?? '')
        : cliMessages.get('error.InvalidStrategyOptions', {
            type: strategy.type,
            problems: list.map((l) => `  - ${l}`).join('\n'),
          }),
      {
        actions: result.problems
          .flatMap((p) => (p.action ? [p.action] : []))
          .concat(
            result.problems.some((p) => !p.action)
              ? [cliMessages.get('error.InvalidStrategyOptions.help', { command: ctx.command, type: strategy.type })]
              : [],
          ),
        details: { problems: result.problems },
      },
    );
  }
  return result;
}
