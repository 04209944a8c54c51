/**
 * The `claims` step: a list of claim rules with add / edit / delete, one sub-step at a time. It only draws the
 * claims manager's state; keys reach that state through the wizard's key reducer (`claims-keys.ts`).
 */
import { Box, Text } from 'ink';
import { StepHeader } from '../StepHeader.js';
import type { StepProps } from '../types.js';
import { ClaimSelectField } from './ClaimSelectField.js';
import { ClaimsList } from './ClaimsList.js';
import { ClaimTextField } from './ClaimTextField.js';
import { choices, draftSummary, initClaims } from './claims-reducer.js';

export function ClaimsStep({ step, draft, claims, texts }: StepProps) {
  const spec = step.claims;
  if (!spec) return null;
  const state = claims ?? initClaims(spec, draft);
  const { mode, draft: d } = state;
  const list = spec.listOperator(d.operator);
  return (
    <Box flexDirection="column">
      <StepHeader message={step.message} optional={step.optional ? texts.optional : undefined} />
      <ClaimsList
        rules={state.rules}
        cursor={mode === 'list' ? state.cursor : -1}
        empty={texts.claimsEmpty}
        done={texts.claimsDone}
      />
      {mode !== 'list' && mode !== 'name' ? <Text dimColor> {draftSummary(state)}</Text> : null}
      {mode === 'name' ? <ClaimTextField label={spec.labels.name} value={d.name} /> : null}
      {mode === 'valueType' || mode === 'operator' ? (
        <ClaimSelectField
          label={mode === 'valueType' ? spec.labels.valueType : spec.labels.operator}
          options={choices(spec, state)}
          value={mode === 'valueType' ? d.valueType : d.operator}
        />
      ) : null}
      {mode === 'value' ? (
        <ClaimTextField label={list ? spec.labels.values : spec.labels.value} value={d.value} />
      ) : null}
      {state.error ? <Text color="red"> ✖ {state.error}</Text> : null}
    </Box>
  );
}
