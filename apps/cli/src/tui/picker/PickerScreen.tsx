/** Pick one item of a list (a resource for `fetch access` / `invoke`); Esc or Ctrl-C leaves without one. */
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';

export interface PickerItem {
  value: string;
  label: string;
}

export type PickerOutcome = { status: 'picked'; value: string } | { status: 'cancelled' };

export function PickerScreen({
  title,
  items,
  keys,
  onExit,
}: {
  title: string;
  items: readonly PickerItem[];
  keys: string;
  onExit(o: PickerOutcome): void;
}) {
  const [closed, setClosed] = useState(false);
  const exit = (o: PickerOutcome) => {
    setClosed(true);
    onExit(o);
  };
  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) exit({ status: 'cancelled' });
  });
  if (closed) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <SelectInput
        items={items.map((i) => ({ key: i.value, value: i.value, label: i.label }))}
        onSelect={(i) => exit({ status: 'picked', value: i.value })}
      />
      <Text dimColor>{keys}</Text>
    </Box>
  );
}
