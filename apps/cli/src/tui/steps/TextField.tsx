/**
 * One line of input as drawn: the text with an inverse block as the cursor; secrets drawn as `•`; when nothing is
 * typed, the default (if any) dim, as a hint that an empty Enter takes.
 */
import { Text } from 'ink';

export function TextField({
  value,
  cursor = value.length,
  mask,
  hint,
}: {
  value: string;
  cursor?: number;
  mask?: string;
  hint?: string;
}) {
  if (value === '' && hint) {
    return (
      <Text>
        <Text inverse>{hint.slice(0, 1)}</Text>
        <Text dimColor>{hint.slice(1)}</Text>
      </Text>
    );
  }
  const shown = mask ? mask.repeat(value.length) : value;
  const at = Math.min(Math.max(0, cursor), shown.length);
  return (
    <Text>
      {shown.slice(0, at)}
      <Text inverse>{shown.slice(at, at + 1) || ' '}</Text>
      {shown.slice(at + 1)}
    </Text>
  );
}
