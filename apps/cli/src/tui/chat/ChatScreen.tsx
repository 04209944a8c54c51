/** `invoke` in a terminal: type a prompt, watch the reply stream in; the session carries over between turns. */
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import type { ChatState } from './chat-reducer.js';
import { useChat, type ChatSend } from './use-chat.js';

export interface ChatTexts {
  title: string;
  session: (id: string) => string;
  you: string;
  agent: string;
  sending: string;
  keys: string;
}

export function ChatScreen({
  texts,
  send,
  sessionId,
  onExit,
}: {
  texts: ChatTexts;
  send: ChatSend;
  sessionId?: string;
  onExit(state: ChatState): void;
}) {
  const chat = useChat(send, onExit, sessionId);
  const { state } = chat;
  useInput((input, key) => {
    if ((key.ctrl && input === 'c') || key.escape) chat.close();
  });
  if (state.closed) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{texts.title}</Text>
      {state.sessionId ? <Text dimColor>{texts.session(state.sessionId)}</Text> : null}
      {state.turns.map((t, i) => (
        <Box key={i} flexDirection="column">
          <Text>
            <Text color="cyan">{texts.you} </Text>
            {t.prompt}
          </Text>
          <Text>
            <Text color="green">{texts.agent} </Text>
            {t.reply}
          </Text>
          {t.error ? <Text color="red">✖ {t.error}</Text> : null}
        </Box>
      ))}
      {state.sending ? (
        <Text dimColor>{texts.sending}</Text>
      ) : (
        <Box>
          <Text color="cyan">› </Text>
          <TextInput value={state.draft} onChange={chat.edit} onSubmit={chat.send} />
        </Box>
      )}
      <Text dimColor>{texts.keys}</Text>
    </Box>
  );
}
