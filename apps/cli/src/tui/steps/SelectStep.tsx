/** Select and confirm steps: a list of options; the highlighted one is the draft, Enter picks it. */
import { Box, Text } from 'ink';
import { OptionList } from './OptionList.js';
import { StepHeader } from './StepHeader.js';
import type { StepProps } from './types.js';

export function SelectStep({ step, draft, texts }: StepProps) {
  const options =
    step.kind === 'confirm'
      ? [
          { value: 'true', label: texts.yes },
          { value: 'false', label: texts.no },
        ]
      : (step.options ?? []).map((o) => ({
          value: o.value,
          label: o.hint ? texts.withHint(o.label, o.hint) : o.label,
        }));
  return (
    <Box flexDirection="column">
      <StepHeader message={step.message} />
      {step.hint ? <Text dimColor> {step.hint}</Text> : null}
      <OptionList options={options} highlighted={draft} />
    </Box>
  );
}
