/** A select sub-step of the claims manager (value type, or the operators valid for it). */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';

export interface ClaimSelectFieldProps {
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onSubmit(value: string): void;
}

export function ClaimSelectField({ label, options, value, onSubmit }: ClaimSelectFieldProps) {
  const items = options.map((o) => ({ key: o.value, value: o.value, label: o.label }));
  return (
    <Box flexDirection="column">
      <Text color="cyan"> {label}</Text>
      <SelectInput
        items={items}
        initialIndex={Math.max(
          0,
          items.findIndex((i) => i.value === value),
        )}
        onSelect={(i) => onSubmit(i.value)}
      />
    </Box>
  );
}
