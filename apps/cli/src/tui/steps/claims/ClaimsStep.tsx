/**
 * The `claims` step: a list of claim rules with add / edit / delete, one sub-step component at a time. State lives in
 * the pure claims reducer; Enter on "done" hands the encoded rules to the wizard as the flag value.
 */
import { Box, Text, useInput } from 'ink';
import { useReducer } from 'react';
import { StepHeader } from '../StepHeader.js';
import type { StepProps } from '../types.js';
import { ClaimSelectField } from './ClaimSelectField.js';
import { ClaimsList } from './ClaimsList.js';
import { ClaimTextField } from './ClaimTextField.js';
import {
  choices,
  claimsAnswer,
  claimsReducer,
  draftSummary,
  initClaims,
  type ClaimsAction,
  type ClaimsState,
} from './claims-reducer.js';

export function ClaimsStep({ step, draft, texts, onSubmit, onBack }: StepProps) {
  const spec = step.claims;
  const reduce = (s: ClaimsState, a: ClaimsAction) => (spec ? claimsReducer(spec, texts, s, a) : s);
  const [state, dispatch] = useReducer(reduce, undefined, () => initClaims(spec, draft));
  useInput((input, key) => {
    if (!spec) return;
    if (key.escape) {
      if (state.mode === 'list') onBack();
      else dispatch({ type: 'back' });
      return;
    }
    if (state.mode !== 'list') return;
    if (key.upArrow || key.downArrow) dispatch({ type: 'move', by: key.upArrow ? -1 : 1 });
    else if (input === 'a') dispatch({ type: 'add' });
    else if (input === 'd') dispatch({ type: 'delete' });
    else if (input === 'e') dispatch({ type: 'edit' });
    else if (key.return) {
      if (state.cursor >= state.rules.length) onSubmit(claimsAnswer(spec, state));
      else dispatch({ type: 'edit' });
    }
  });
  if (!spec) return null;
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
      {mode === 'name' ? (
        <ClaimTextField
          label={spec.labels.name}
          value={d.name}
          onChange={(value) => dispatch({ type: 'type', value })}
          onSubmit={() => dispatch({ type: 'submit' })}
        />
      ) : null}
      {mode === 'valueType' || mode === 'operator' ? (
        <ClaimSelectField
          key={mode}
          label={mode === 'valueType' ? spec.labels.valueType : spec.labels.operator}
          options={choices(spec, state)}
          value={mode === 'valueType' ? d.valueType : d.operator}
          onSubmit={(value) => dispatch({ type: 'submit', value })}
        />
      ) : null}
      {mode === 'value' ? (
        <ClaimTextField
          label={list ? spec.labels.values : spec.labels.value}
          value={d.value}
          onChange={(value) => dispatch({ type: 'type', value })}
          onSubmit={() => dispatch({ type: 'submit' })}
        />
      ) : null}
      {state.error ? <Text color="red"> ✖ {state.error}</Text> : null}
    </Box>
  );
}
