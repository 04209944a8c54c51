/** The options of a select: one per line, the highlighted one marked `❯` (↑ ↓ move it, Enter picks it). */
import { Box, Text } from 'ink';

export interface ListedOption {
  value: string;
  label: string;
}

export function OptionList({ options, highlighted }: { options: readonly ListedOption[]; highlighted: string }) {
  const at = Math.max(
    0,
    options.findIndex((o) => o.value === highlighted),
  );
  return (
    <Box flexDirection="column">
      {options.map((o, i) => (
        <Text key={o.value} {...(i === at ? { color: 'cyan' } : {})}>
          {i === at ? '❯ ' : '  '}
          {o.label}
        </Text>
      ))}
    </Box>
  );
}
