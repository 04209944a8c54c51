/** Secrets on screen: never in full; at most the last two characters, and only when the value is long enough. */
export function maskSecret(value: string): string {
  if (value === '') return '';
  return value.length >= 12 ? `${'•'.repeat(8)}${value.slice(-2)}` : '•'.repeat(8);
}
