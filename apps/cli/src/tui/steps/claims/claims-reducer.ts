/**
 * The custom-claims manager as a pure reducer: the list of rules (add / edit / delete) and, while one is added or
 * edited, its sub-steps name → value type → operator → value(s). Every check is the strategy's (`ClaimsPromptSpec`).
 */
import type { ClaimRuleDraft, ClaimsPromptSpec } from '@agentcore/auth';

export type ClaimsMode = 'list' | 'name' | 'valueType' | 'operator' | 'value';

export interface ClaimsState {
  rules: readonly ClaimRuleDraft[];
  /** Highlighted row of the list: a rule, or `rules.length` for "done". */
  cursor: number;
  mode: ClaimsMode;
  /** Index of the rule being edited; undefined while adding. */
  editing?: number;
  /** The rule being added or edited; `value` is the text typed (comma-separated for list operators). */
  draft: { name: string; valueType: string; operator: string; value: string };
  error?: string;
}

export type ClaimsAction =
  | { type: 'move'; by: number }
  /** Move the highlighted option of a select sub-step (value type, operator), wrapping around. */
  | { type: 'highlight'; by: number }
  | { type: 'add' }
  | { type: 'edit' }
  | { type: 'delete' }
  | { type: 'type'; value: string }
  | { type: 'submit'; value?: string }
  | { type: 'back' };

/** Messages the reducer puts in `error` (from the `interactive` bundle). */
export interface ClaimsTexts {
  required: string;
  pickOne: string;
}

const EMPTY_DRAFT = { name: '', valueType: '', operator: '', value: '' };
const ORDER: readonly ClaimsMode[] = ['list', 'name', 'valueType', 'operator', 'value'];

/** One rule on one line: `name (value type) operator value, value`. */
export const ruleText = (r: ClaimRuleDraft) => `${r.name} (${r.valueType}) ${r.operator} ${r.values.join(', ')}`;

/** The list for an earlier answer (the encoded rules), to edit it again. */
export function initClaims(spec: Pick<ClaimsPromptSpec, 'decode'> | undefined, answer: string): ClaimsState {
  const rules = !spec || answer.trim() === '' ? [] : spec.decode(answer);
  return { rules, cursor: rules.length, mode: 'list', draft: EMPTY_DRAFT };
}

/** The flag value for the rules (what `--custom-claims` would be given). */
export function claimsAnswer(spec: ClaimsPromptSpec, state: ClaimsState): string {
  return spec.encode(state.rules);
}

/** What was chosen so far for the rule being added or edited (name, then type, then operator). */
export function draftSummary(state: ClaimsState): string {
  const step = ORDER.indexOf(state.mode);
  const d = state.draft;
  return [d.name.trim(), step > 2 ? d.valueType : '', step > 3 ? d.operator : ''].filter(Boolean).join(' ');
}

/** The values typed for the draft: comma-separated for list operators, else the whole (trimmed) text. */
export function draftValues(spec: ClaimsPromptSpec, draft: ClaimsState['draft']): string[] {
  if (!spec.listOperator(draft.operator)) return draft.value.trim() === '' ? [] : [draft.value.trim()];
  return draft.value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The message for what is typed in a text sub-step, or undefined when it is acceptable so far. */
export function fieldError(
  spec: ClaimsPromptSpec,
  mode: ClaimsMode,
  draft: ClaimsState['draft'],
  { required }: ClaimsTexts,
): string | undefined {
  if (mode === 'name') return draft.name.trim() === '' ? required : spec.validateField('name', draft.name.trim());
  if (mode !== 'value') return undefined;
  const values = draftValues(spec, draft);
  if (values.length === 0) return required;
  for (const v of values) {
    const issue = spec.validateField('value', v);
    if (issue) return values.length > 1 ? `${v}: ${issue}` : issue;
  }
  return undefined;
}

/** Options of a select sub-step: the value types, or only the operators valid for the chosen type. */
export function choices(spec: ClaimsPromptSpec, state: ClaimsState): readonly { value: string; label: string }[] {
  return state.mode === 'valueType'
    ? spec.valueTypes
    : state.mode === 'operator'
      ? spec.operators(state.draft.valueType)
      : [];
}

function open(spec: ClaimsPromptSpec, state: ClaimsState, editing: number | undefined): ClaimsState {
  const rule = editing === undefined ? undefined : state.rules[editing];
  const draft = rule
    ? { name: rule.name, valueType: rule.valueType, operator: rule.operator, value: rule.values.join(', ') }
    : { ...EMPTY_DRAFT, valueType: spec.valueTypes[0]?.value ?? '' };
  return { ...state, mode: 'name', editing, draft, error: undefined };
}

function save(spec: ClaimsPromptSpec, state: ClaimsState): ClaimsState {
  const d = state.draft;
  const rule: ClaimRuleDraft = {
    name: d.name.trim(),
    valueType: d.valueType,
    operator: d.operator,
    values: draftValues(spec, d),
  };
  const rules =
    state.editing === undefined ? [...state.rules, rule] : state.rules.map((r, i) => (i === state.editing ? rule : r));
  return { rules, cursor: rules.length, mode: 'list', draft: EMPTY_DRAFT };
}

function submit(
  spec: ClaimsPromptSpec,
  state: ClaimsState,
  value: string | undefined,
  texts: ClaimsTexts,
): ClaimsState {
  const { mode, draft } = state;
  if (mode === 'valueType' || mode === 'operator') {
    const picked = value ?? (mode === 'valueType' ? draft.valueType : draft.operator);
    const options = choices(spec, state);
    if (!options.some((o) => o.value === picked)) return { ...state, error: texts.pickOne };
    if (mode === 'operator')
      return { ...state, mode: 'value', draft: { ...draft, operator: picked }, error: undefined };
    const operators = spec.operators(picked);
    const operator = operators.some((o) => o.value === draft.operator) ? draft.operator : (operators[0]?.value ?? '');
    return { ...state, mode: 'operator', draft: { ...draft, valueType: picked, operator }, error: undefined };
  }
  const error = fieldError(spec, mode, draft, texts);
  if (error) return { ...state, error };
  return mode === 'name' ? { ...state, mode: 'valueType', error: undefined } : save(spec, state);
}

export function claimsReducer(
  spec: ClaimsPromptSpec,
  texts: ClaimsTexts,
  state: ClaimsState,
  action: ClaimsAction,
): ClaimsState {
  const onRule = state.mode === 'list' && state.cursor < state.rules.length;
  switch (action.type) {
    case 'move':
      return state.mode === 'list'
        ? { ...state, cursor: Math.min(state.rules.length, Math.max(0, state.cursor + action.by)) }
        : state;
    case 'highlight': {
      const options = choices(spec, state);
      if ((state.mode !== 'valueType' && state.mode !== 'operator') || options.length === 0) return state;
      const current = state.mode === 'valueType' ? state.draft.valueType : state.draft.operator;
      const at = Math.max(
        0,
        options.findIndex((o) => o.value === current),
      );
      const next = options[(((at + action.by) % options.length) + options.length) % options.length]?.value ?? current;
      return { ...state, draft: { ...state.draft, [state.mode]: next }, error: undefined };
    }
    case 'add':
      return state.mode === 'list' ? open(spec, state, undefined) : state;
    case 'edit':
      return onRule ? open(spec, state, state.cursor) : state;
    case 'delete': {
      if (!onRule) return state;
      const rules = state.rules.filter((_, i) => i !== state.cursor);
      return { ...state, rules, cursor: Math.min(state.cursor, rules.length) };
    }
    case 'type': {
      if (state.mode !== 'name' && state.mode !== 'value') return state;
      const draft = { ...state.draft, [state.mode]: action.value };
      const empty = action.value.trim() === '';
      return { ...state, draft, error: empty ? undefined : fieldError(spec, state.mode, draft, texts) };
    }
    case 'submit':
      return state.mode === 'list' ? state : submit(spec, state, action.value, texts);
    case 'back': {
      if (state.mode === 'list') return state;
      const mode = ORDER[ORDER.indexOf(state.mode) - 1] ?? 'list';
      return mode === 'list'
        ? { ...state, mode, draft: EMPTY_DRAFT, editing: undefined, error: undefined }
        : { ...state, mode, error: undefined };
    }
  }
}
