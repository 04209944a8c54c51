/** Select and confirm steps: a list of options; the highlighted one is the draft, Enter picks it. */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { StepHeader } from './StepHeader.js';
import type { StepProps } from './types.js';

export function SelectStep({ step, draft, texts, onChange, onSubmit }: StepProps) {
  const options =
    step.kind === 'confirm'
      ? [
          { value: 'true', label: texts.yes },
          { value: 'false', label: texts.no },
        ]
      : (step.options ?? []);
  const items = options.map((o) => ({
    key: o.value,
    value: o.value,
    label: 'hint' in o && o.hint ? `${o.label} — ${o.hint}` : o.label,
  }));
  const index = Math.max(
    0,
    items.findIndex((i) => i.value === draft),
  );
  return (
    <Box flexDirection="column">
      <StepHeader message={step.message} />
      {step.hint ? <Text dimColor> {step.hint}</Text> : null}
      <SelectInput
        items={items}
        initialIndex={index}
        onHighlight={(i) => onChange(i.value)}
        onSelect={(i) => onSubmit(i.value)}
      />
    </Box>
  );
}
