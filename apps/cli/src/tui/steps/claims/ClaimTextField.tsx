/** A text sub-step of the claims manager (claim name, value or comma-separated values); typing goes at the end. */
import { Box, Text } from 'ink';
import { TextField } from '../TextField.js';

export function ClaimTextField({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Text color="cyan"> {label} › </Text>
      <TextField value={value} />
    </Box>
  );
}
