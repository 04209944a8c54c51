/**
 * Keys of the claims manager, applied to its pure reducer: in the list a / e / d / ↑ ↓ / Enter, in a text sub-step
 * typing and Backspace, in a select sub-step ↑ ↓; Enter goes on, Esc goes back. Enter on "done" ends the step with
 * the encoded rules; Esc in the list leaves the step.
 */
import type { ClaimsPromptSpec } from '@agentcore/auth';
import type { Key } from '../../input/keys.js';
import {
  claimsAnswer,
  claimsReducer,
  type ClaimsAction,
  type ClaimsState,
  type ClaimsTexts,
} from './claims-reducer.js';

export type ClaimsKeyResult = { state: ClaimsState } | { done: string } | { back: true };

const LIST_LETTERS: Readonly<Record<string, ClaimsAction>> = {
  a: { type: 'add' },
  d: { type: 'delete' },
  e: { type: 'edit' },
};

function action(state: ClaimsState, key: Key): ClaimsAction | 'done' | 'back' | undefined {
  const { mode } = state;
  if (key.name === 'escape') return mode === 'list' ? 'back' : { type: 'back' };
  if (mode === 'list') {
    if (key.name === 'up' || key.name === 'down') return { type: 'move', by: key.name === 'up' ? -1 : 1 };
    if (key.name === 'text') return LIST_LETTERS[key.text];
    if (key.name === 'enter') return state.cursor >= state.rules.length ? 'done' : { type: 'edit' };
    return undefined;
  }
  if (mode === 'valueType' || mode === 'operator') {
    if (key.name === 'up' || key.name === 'down') return { type: 'highlight', by: key.name === 'up' ? -1 : 1 };
    return key.name === 'enter' ? { type: 'submit' } : undefined;
  }
  const typed = state.draft[mode];
  if (key.name === 'text') return { type: 'type', value: typed + key.text };
  if (key.name === 'backspace') return { type: 'type', value: typed.slice(0, -1) };
  return key.name === 'enter' ? { type: 'submit' } : undefined;
}

export function claimsKey(spec: ClaimsPromptSpec, texts: ClaimsTexts, state: ClaimsState, key: Key): ClaimsKeyResult {
  // Typed text is taken a character at a time: in the list each letter is a command ("a" then the rule's name).
  if (key.name === 'text' && key.text.length > 1) {
    let s = state;
    for (const ch of key.text) {
      const r = claimsKey(spec, texts, s, { name: 'text', text: ch });
      if (!('state' in r)) return r;
      s = r.state;
    }
    return { state: s };
  }
  const a = action(state, key);
  if (a === 'done') return { done: claimsAnswer(spec, state) };
  if (a === 'back') return { back: true };
  return { state: a ? claimsReducer(spec, texts, state, a) : state };
}
