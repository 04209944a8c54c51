/** A text sub-step of the claims manager (claim name, value or comma-separated values). */
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

export function ClaimTextField({
  label,
  value,
  onChange,
  onSubmit,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  onSubmit(): void;
}) {
  return (
    <Box>
      <Text color="cyan"> {label} › </Text>
      <TextInput value={value} onChange={onChange} onSubmit={() => onSubmit()} />
    </Box>
  );
}
