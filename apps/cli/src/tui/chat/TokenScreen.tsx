/** Before a chat with a runtime whose strategy issues tokens: the token to use, masked; Enter uses it, Esc skips. */
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';

export type TokenOutcome = { status: 'use' } | { status: 'skip' } | { status: 'cancelled' };

export interface TokenScreenTexts {
  title: string;
  token: string;
  keys: string;
}

export function TokenScreen({ texts, onExit }: { texts: TokenScreenTexts; onExit(o: TokenOutcome): void }) {
  const [closed, setClosed] = useState(false);
  useInput((input, key) => {
    const outcome: TokenOutcome | undefined =
      key.ctrl && input === 'c'
        ? { status: 'cancelled' }
        : key.escape
          ? { status: 'skip' }
          : key.return
            ? { status: 'use' }
            : undefined;
    if (!outcome) return;
    setClosed(true);
    onExit(outcome);
  });
  if (closed) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{texts.title}</Text>
      <Text> {texts.token}</Text>
      <Text dimColor>{texts.keys}</Text>
    </Box>
  );
}
