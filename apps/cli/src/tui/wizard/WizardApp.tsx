/** A whole wizard: title, what was answered, the current step (or the review), the error line and the keys. */
import { Box, Text, useInput } from 'ink';
import { loadMessages } from '../../shared/messages.js';
import { keysOf } from '../input/keys.js';
import { ReviewStep } from '../steps/ReviewStep.js';
import { STEP_COMPONENTS } from '../steps/index.js';
import type { StepTexts } from '../steps/types.js';
import type { Answers, WizardOutcome, WizardSpec, WizardStep } from './types.js';
import { useWizard } from './use-wizard.js';
import { useEffect } from 'react';

const m = loadMessages('interactive');
const TEXTS: StepTexts = {
  optional: m.get('label.optional'),
  yes: m.get('label.yes'),
  no: m.get('label.no'),
  jsonOk: m.get('label.json-ok'),
  claimsEmpty: m.get('label.claims-empty'),
  claimsDone: m.get('label.claims-done'),
  withHint: (label, hint) => m.get('label.option-hint', { label, hint }),
};

export interface WizardAppProps {
  spec: WizardSpec;
  preset?: Answers;
  onExit(outcome: WizardOutcome): void;
  /** Observer of the step being asked (tests and scripted drivers); `undefined` on the review screen. */
  onStep?(step: WizardStep | undefined): void;
}

export function WizardApp({ spec, preset = {}, onExit, onStep }: WizardAppProps) {
  const w = useWizard(spec, preset, onExit);
  // One read may hold several keys (a held Backspace, a paste ending in Enter): each is applied in order.
  useInput((input, key) => {
    for (const k of keysOf(input, key)) w.key(k);
  });
  useEffect(() => {
    onStep?.(w.step);
  }, [w.step, onStep]);
  const Step = w.step ? STEP_COMPONENTS[w.step.kind] : undefined;
  if (w.state.phase === 'done' || w.state.phase === 'cancelled') return null;
  const kind = w.step?.kind;
  const keys =
    w.state.phase === 'review'
      ? 'keys.review'
      : kind === 'claims'
        ? 'keys.claims'
        : kind === 'select' || kind === 'confirm'
          ? 'keys.select'
          : 'keys.step';
  return (
    <Box flexDirection="column">
      <Text bold>{spec.title}</Text>
      {w.state.phase === 'review'
        ? null
        : w.answered.map((a) => (
            <Text key={a.key} dimColor>
              ✔ {a.message}: {a.text}
            </Text>
          ))}
      {Step && w.step ? (
        <Step
          key={w.step.key}
          step={w.step}
          draft={w.state.draft}
          cursor={w.state.cursor ?? w.state.draft.length}
          {...(w.state.claims ? { claims: w.state.claims } : {})}
          {...(w.state.error ? { error: w.state.error } : {})}
          texts={TEXTS}
        />
      ) : null}
      {w.state.phase === 'review' ? (
        <ReviewStep title={m.get('label.review')} answered={w.answered} none={m.get('label.none')} />
      ) : null}
      {w.state.error ? <Text color="red">✖ {w.state.error}</Text> : null}
      <Text dimColor>{m.get(keys)}</Text>
    </Box>
  );
}
