/** The command a mistyped one most likely meant: the closest id by edit distance, when it is close enough. */

/** Levenshtein distance (insert, delete, substitute cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate nearest to `typed` (ids as the user types them, words separated by spaces), or undefined when none is
 * within a third of the typed length (at least 2 edits), so that unrelated words get no suggestion.
 */
export function nearestCommand(typed: string, candidates: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = editDistance(typed, id);
    if (!best || distance < best.distance || (distance === best.distance && id < best.id)) best = { id, distance };
  }
  const limit = Math.max(2, Math.floor(typed.length / 3));
  return best && best.distance <= limit ? best.id : undefined;
}
