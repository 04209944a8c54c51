/** The chat screen's state as a pure reducer: turns, the reply streaming in, the session id, the prompt being typed. */
export interface ChatTurn {
  prompt: string;
  reply: string;
  error?: string;
}

export interface ChatState {
  turns: readonly ChatTurn[];
  draft: string;
  sending: boolean;
  sessionId?: string;
  closed: boolean;
}

export type ChatAction =
  | { type: 'edit'; value: string }
  | { type: 'send' }
  | { type: 'text'; text: string }
  | { type: 'finished'; sessionId?: string; error?: string }
  | { type: 'close' };

export const initialChat = (sessionId?: string): ChatState => ({
  turns: [],
  draft: '',
  sending: false,
  closed: false,
  ...(sessionId ? { sessionId } : {}),
});

function updateLast(turns: readonly ChatTurn[], f: (t: ChatTurn) => ChatTurn): ChatTurn[] {
  return turns.map((t, i) => (i === turns.length - 1 ? f(t) : t));
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  if (state.closed) return state;
  switch (action.type) {
    case 'edit':
      return state.sending ? state : { ...state, draft: action.value };
    case 'send':
      if (state.sending || state.draft.trim() === '') return state;
      return { ...state, sending: true, draft: '', turns: [...state.turns, { prompt: state.draft.trim(), reply: '' }] };
    case 'text':
      return { ...state, turns: updateLast(state.turns, (t) => ({ ...t, reply: t.reply + action.text })) };
    case 'finished':
      return {
        ...state,
        sending: false,
        ...(action.sessionId ? { sessionId: action.sessionId } : {}),
        turns: action.error ? updateLast(state.turns, (t) => ({ ...t, error: action.error })) : state.turns,
      };
    case 'close':
      return { ...state, closed: true };
  }
}
