/**
 * Strategy flags on core commands. oclif flags are static per command, so attach commands parse twice:
 * the static flags (lenient), then static + the registry's flags (strict). Flag descriptors from plugins are
 * turned into oclif flags here; plugins never see oclif's parser.
 */
import * as Flags from '@oclif/core/flags';
import type { Interfaces } from '@oclif/core';
import type { AttachCommand, StrategyFlag, StrategyRegistry } from '@agentcore/auth';

export function helpGroupFor(packageName: string, type: string): string {
  return `${type} (${packageName})`;
}

function toOclifFlag(flag: StrategyFlag, helpGroup: string): Interfaces.Flag<unknown> {
  const summary = flag.secret
    ? `${flag.summary} Use - to read it from stdin${flag.env ? ` or set ${flag.env}` : ''}.`
    : flag.summary;
  if (flag.kind === 'boolean') return Flags.boolean({ summary, helpGroup }) as Interfaces.Flag<unknown>;
  const helpValue = flag.options ? flag.options.join('|') : undefined;
  if (flag.multiple) return Flags.string({ summary, helpGroup, multiple: true, helpValue }) as Interfaces.Flag<unknown>;
  return Flags.string({ summary, helpGroup, helpValue }) as Interfaces.Flag<unknown>;
}

/** The oclif flags all installed strategies contribute to one attach command. */
export function contributedFlags(
  registry: StrategyRegistry,
  command: AttachCommand,
): Record<string, Interfaces.Flag<unknown>> {
  const out: Record<string, Interfaces.Flag<unknown>> = {};
  for (const { entry, flags } of registry.flagsFor(command)) {
    const group = helpGroupFor(entry.source.packageName, entry.strategy.type);
    for (const f of flags) out[f.name] = toOclifFlag(f, group);
  }
  return out;
}
