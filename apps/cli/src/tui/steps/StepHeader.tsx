/** The question line every step starts with: `? message`, and `(optional)` when the step may be left empty. */
import { Box, Text } from 'ink';

export function StepHeader({ message, optional }: { message: string; optional?: string }) {
  return (
    <Box>
      <Text color="cyan">? </Text>
      <Text bold>{message}</Text>
      {optional ? <Text dimColor> {optional}</Text> : null}
    </Box>
  );
}
