/**
 * The subset of oclif's flag parsing the cold-start runner takes on (pure; see lite.ts). Anything outside it gives
 * `undefined`, and the run goes to oclif, which parses it — and reports errors — exactly as it always does:
 *   --flag value     a known option flag; the value must not start with `-` (except `-` itself, "read stdin")
 *   --flag=value     a known option flag, split at the first `=`; the value must not be empty
 *   --flag           a known boolean flag
 * Repeating a single-value flag, bare words (oclif's greedy `multiple`), `--`, short flags and `--no-…` are left
 * to oclif. Only commands whose flags have no char, default, env, options, relationships or stdin handling get a
 * runner (scripts/build-fast.mjs checks this at build time), so a parse here is the parse oclif would make.
 */
export interface SimpleFlagSpec {
  type: 'option' | 'boolean';
  multiple?: boolean;
}

export type SimpleFlagValues = Record<string, string | string[] | boolean>;

export function parseSimpleArgv(
  argv: readonly string[],
  spec: Readonly<Record<string, SimpleFlagSpec>>,
): SimpleFlagValues | undefined {
  const values: SimpleFlagValues = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--') || token === '--') return undefined;
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const flag = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!flag) return undefined;
    if (flag.type === 'boolean') {
      if (eq >= 0 || name in values) return undefined;
      values[name] = true;
      continue;
    }
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (value.startsWith('-') && value !== '-')) return undefined;
    const previous = values[name];
    if (flag.multiple) values[name] = [...(Array.isArray(previous) ? previous : []), value];
    else if (previous !== undefined) return undefined;
    else values[name] = value;
  }
  return values;
}
