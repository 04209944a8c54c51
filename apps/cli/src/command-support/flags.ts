/** Shared flag helpers. */

/** Repeatable and comma-separated list values → trimmed, non-empty items. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  if (values === undefined) return [];
  const arr = typeof values === 'string' ? [values] : values;
  return arr
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
