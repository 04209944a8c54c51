/**
 * The last screen: every answer (secrets masked; custom-claim rules in full, one per line); Enter runs the command's
 * operation, Esc goes back.
 */
import { Box, Text } from 'ink';
import type { AnsweredStep } from '../wizard/use-wizard.js';

export function ReviewStep({
  title,
  answered,
  none,
}: {
  title: string;
  answered: readonly AnsweredStep[];
  none: string;
}) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color="cyan">
        {title}
      </Text>
      {answered.map((a) =>
        a.lines ? (
          <Box key={a.key} flexDirection="column">
            <Text>
              {'  '}
              {a.message}:
            </Text>
            {a.lines.map((line, i) => (
              <Text key={i} bold>
                {'    '}
                {line}
              </Text>
            ))}
          </Box>
        ) : (
          <Text key={a.key}>
            {'  '}
            {a.message}: <Text bold>{a.text === '' ? none : a.text}</Text>
          </Text>
        ),
      )}
    </Box>
  );
}
