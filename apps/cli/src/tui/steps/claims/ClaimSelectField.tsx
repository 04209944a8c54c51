/** A select sub-step of the claims manager (value type, or the operators valid for it); `value` is highlighted. */
import { Box, Text } from 'ink';
import { OptionList } from '../OptionList.js';

export interface ClaimSelectFieldProps {
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
}

export function ClaimSelectField({ label, options, value }: ClaimSelectFieldProps) {
  return (
    <Box flexDirection="column">
      <Text color="cyan"> {label}</Text>
      <OptionList options={options} highlighted={value} />
    </Box>
  );
}
