/** Text-like steps (text, secret, list, json): one line of input; secrets masked; a default shown as a dim hint. */
import { Box, Text } from 'ink';
import { StepHeader } from './StepHeader.js';
import { TextField } from './TextField.js';
import type { StepProps } from './types.js';

export function TextStep({ step, draft, cursor, error, texts }: StepProps) {
  return (
    <Box flexDirection="column">
      <StepHeader message={step.message} optional={step.optional ? texts.optional : undefined} />
      {step.hint ? <Text dimColor> {step.hint}</Text> : null}
      <Box>
        <Text color="cyan">› </Text>
        <TextField
          value={draft}
          cursor={cursor}
          {...(step.kind === 'secret' ? { mask: '•' } : step.initial ? { hint: step.initial } : {})}
        />
      </Box>
      {step.kind === 'json' && draft.trim() !== '' && !error ? <Text color="green"> ✔ {texts.jsonOk}</Text> : null}
    </Box>
  );
}
