/** Text-like steps (text, secret, list, json): one line of input; secrets are masked while typed. */
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { StepHeader } from './StepHeader.js';
import type { StepProps } from './types.js';

export function TextStep({ step, draft, error, texts, onChange, onSubmit }: StepProps) {
  return (
    <Box flexDirection="column">
      <StepHeader message={step.message} optional={step.optional ? texts.optional : undefined} />
      {step.hint ? <Text dimColor> {step.hint}</Text> : null}
      <Box>
        <Text color="cyan">› </Text>
        <TextInput
          value={draft}
          onChange={onChange}
          onSubmit={() => onSubmit()}
          {...(step.kind === 'secret' ? { mask: '•' } : {})}
        />
      </Box>
      {step.kind === 'json' && draft.trim() !== '' && !error ? <Text color="green"> ✔ {texts.jsonOk}</Text> : null}
    </Box>
  );
}
