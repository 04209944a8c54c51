/** React glue for the chat: sends a prompt through the injected `send` (the invoke operation), streaming text in. */
import { useEffect, useReducer, useRef } from 'react';
import { chatReducer, initialChat, type ChatState } from './chat-reducer.js';

/** One turn: stream `prompt` to the agent, calling `onText` as text arrives; resolves with the session id. */
export type ChatSend = (
  prompt: string,
  sessionId: string | undefined,
  onText: (text: string) => void,
) => Promise<{ sessionId?: string; error?: string }>;

export function useChat(send: ChatSend, onClose: (state: ChatState) => void, sessionId?: string) {
  const [state, dispatch] = useReducer(chatReducer, sessionId, initialChat);
  // Turns handed to `send` so far: each turn is sent exactly once, however often the effect runs.
  const sent = useRef(0);
  useEffect(() => {
    const last = state.turns[state.turns.length - 1];
    if (!state.sending || !last || sent.current >= state.turns.length) return;
    sent.current = state.turns.length;
    send(last.prompt, state.sessionId, (text) => dispatch({ type: 'text', text })).then(
      (r) => dispatch({ type: 'finished', ...r }),
      (err: unknown) => dispatch({ type: 'finished', error: err instanceof Error ? err.message : String(err) }),
    );
  }, [state.sending, state.turns, state.sessionId, send]);
  useEffect(() => {
    if (state.closed) onClose(state);
  }, [state, onClose]);
  return {
    state,
    edit: (value: string) => dispatch({ type: 'edit', value }),
    send: () => dispatch({ type: 'send' }),
    close: () => dispatch({ type: 'close' }),
  };
}
