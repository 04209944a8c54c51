/**
 * Turns parsed oclif flags into strategy flag values: comma-splits repeatable flags, resolves secret flags
 * (stdin / env / literal-with-warning) and checks `options` case-insensitively.
 */
import type { AttachCommand, FlagValues, StrategyRegistry } from '@agentcore/auth';
import { CliError } from './errors.js';
import { splitList } from './flags.js';
import { resolveSecret } from './secrets.js';

export async function strategyValues(registry: StrategyRegistry, command: AttachCommand, flags: Record<string, unknown>): Promise<{ values: FlagValues; warnings: string[] }> {
  const values: Record<string, string | readonly string[] | boolean | undefined> = {};
  const warnings: string[] = [];
  for (const [k, v] of Object.entries(flags)) {
    if (typeof v === 'string' || typeof v === 'boolean') values[k] = v;
    else if (Array.isArray(v)) values[k] = splitList(v as string[]);
  }
  for (const { flags: descriptors } of registry.flagsFor(command)) {
    for (const d of descriptors) {
      const raw = values[d.name];
      if (d.secret) {
        const r = await resolveSecret({ flag: d.name, value: typeof raw === 'string' ? raw : undefined, envName: d.env });
        values[d.name] = r.value;
        if (r.warning) warnings.push(r.warning);
      }
      const v = values[d.name];
      if (d.options && typeof v === 'string') {
        const match = d.options.find((o) => o.toLowerCase() === v.toLowerCase());
        if (!match) {
          throw new CliError('ERR_INVALID_INPUT', `--${d.name} must be one of ${d.options.join(', ')} (got ${v}).`, { actions: [`Use one of: ${d.options.join(', ')}`], details: { flag: d.name, choices: d.options } });
        }
        values[d.name] = match;
      }
    }
  }
  return { values, warnings };
}
