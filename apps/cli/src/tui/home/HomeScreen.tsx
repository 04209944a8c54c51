/** `agentcore` alone in a terminal: pick an action; Esc or Ctrl-C quits. */
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { loadMessages } from '../../shared/messages.js';
import { HOME_ACTIONS, type HomeOutcome } from './home-actions.js';

const m = loadMessages('interactive');

export function HomeScreen({ onExit }: { onExit(outcome: HomeOutcome): void }) {
  const [chosen, setChosen] = useState(false);
  const exit = (outcome: HomeOutcome) => {
    setChosen(true);
    onExit(outcome);
  };
  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) exit({ status: 'cancelled' });
  });
  if (chosen) return null;
  const items = [
    ...HOME_ACTIONS.map((a) => ({ key: a.id, value: a.id as string, label: m.get(a.label) })),
    { key: 'quit', value: 'quit', label: m.get('home.quit') },
  ];
  return (
    <Box flexDirection="column">
      <Text bold>{m.get('home.title')}</Text>
      <SelectInput
        items={items}
        onSelect={(item) => {
          const action = HOME_ACTIONS.find((a) => a.id === item.value);
          exit(action ? { status: 'open', command: action.id } : { status: 'cancelled' });
        }}
      />
      <Text dimColor>{m.get('keys.home')}</Text>
    </Box>
  );
}
