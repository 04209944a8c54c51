/**
 * Turns parsed oclif flags into strategy flag values: comma-splits repeatable flags, resolves secret flags
 * (stdin / env / literal-with-warning) and checks `options` case-insensitively.
 */
import {
  ATTACH_COMMANDS,
  normalizeStrategyName,
  type AttachCommand,
  type FlagValues,
  type Strategy,
  type StrategyRegistry,
} from '@agentcore/auth';
import { CliError } from '../shared/errors.js';
import { cliMessages } from '../shared/messages.js';
import { splitList } from './flags.js';
import { resolveSecret } from './secrets.js';

/** Whether the command's selector flag (`--outbound-auth` / `--authorizer-type`) names this strategy. */
function isSelected(command: AttachCommand, strategy: Strategy, flags: Record<string, unknown>): boolean {
  const selector = flags[ATTACH_COMMANDS[command].direction === 'outbound' ? 'outbound-auth' : 'authorizer-type'];
  return (
    typeof selector === 'string' &&
    [strategy.type, strategy.cliName].some((n) => normalizeStrategyName(n) === normalizeStrategyName(selector))
  );
}

export async function strategyValues(
  registry: StrategyRegistry,
  command: AttachCommand,
  flags: Record<string, unknown>,
): Promise<{ values: FlagValues; warnings: string[] }> {
  const values: Record<string, string | readonly string[] | boolean | undefined> = {};
  const warnings: string[] = [];
  for (const [k, v] of Object.entries(flags)) {
    if (typeof v === 'string' || typeof v === 'boolean') values[k] = v;
    else if (Array.isArray(v)) values[k] = splitList(v as string[]);
  }
  for (const { entry, flags: descriptors } of registry.flagsFor(command)) {
    // A secret's environment variable counts only for the selected strategy: an exported AGENTCORE_API_KEY must not
    // turn into "--api-key-value needs --outbound-auth api-key" on every other command.
    const selected = isSelected(command, entry.strategy, flags);
    for (const d of descriptors) {
      const raw = values[d.name];
      if (d.secret) {
        const r = await resolveSecret({
          flag: d.name,
          value: typeof raw === 'string' ? raw : undefined,
          envName: selected ? d.env : undefined,
        });
        values[d.name] = r.value;
        if (r.warning) warnings.push(r.warning);
      }
      const v = values[d.name];
      if (d.options && typeof v === 'string') {
        const match = d.options.find((o) => o.toLowerCase() === v.toLowerCase());
        if (!match) {
          const values = { flag: d.name, choices: d.options.join(', '), value: v };
          throw new CliError('ERR_INVALID_INPUT', cliMessages.get('error.FlagChoice', values), {
            actions: cliMessages.list('error.FlagChoice.actions', values),
            details: { flag: d.name, choices: d.options },
          });
        }
        values[d.name] = match;
      }
    }
  }
  return { values, warnings };
}
