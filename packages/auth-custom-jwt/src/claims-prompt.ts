/**
 * The wizard's custom-claims manager for CUSTOM_JWT: value types, the operators each takes, field checks and the
 * `--custom-claims` JSON encoding, all read from the schema (no rule is restated here).
 */
import type { ClaimRuleDraft, ClaimsPromptSpec } from '@agentcore/auth';
import { messages as m } from './messages.js';
import {
  ClaimMatchOperatorSchema,
  ClaimNameSchema,
  ClaimValueTypeSchema,
  LIST_OPERATORS,
  MatchValueSchema,
  OPERATORS_BY_VALUE_TYPE,
  type CustomClaim,
} from './schema.js';

const option = (value: string) => ({ value, label: m.get(`prompt.claim.option.${value}`) });
const firstIssue = (r: { success: boolean; error?: { issues: readonly { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

function isListOperator(operator: string): boolean {
  const op = ClaimMatchOperatorSchema.safeParse(operator);
  return op.success && LIST_OPERATORS.has(op.data);
}

function toClaim(rule: ClaimRuleDraft): unknown {
  const list = isListOperator(rule.operator);
  return {
    inboundTokenClaimName: rule.name,
    inboundTokenClaimValueType: rule.valueType,
    authorizingClaimMatchValue: {
      claimMatchOperator: rule.operator,
      claimMatchValue: list ? { matchValueStringList: [...rule.values] } : { matchValueString: rule.values[0] ?? '' },
    },
  };
}

function fromClaim(claim: Partial<CustomClaim>): ClaimRuleDraft {
  const match = claim.authorizingClaimMatchValue;
  const value = match?.claimMatchValue;
  return {
    name: claim.inboundTokenClaimName ?? '',
    valueType: claim.inboundTokenClaimValueType ?? '',
    operator: match?.claimMatchOperator ?? '',
    values: value?.matchValueStringList ?? (value?.matchValueString !== undefined ? [value.matchValueString] : []),
  };
}

export const claimsPromptSpec: ClaimsPromptSpec = {
  labels: {
    name: m.get('prompt.claim.name'),
    valueType: m.get('prompt.claim.valueType'),
    operator: m.get('prompt.claim.operator'),
    value: m.get('prompt.claim.value'),
    values: m.get('prompt.claim.values'),
  },
  valueTypes: ClaimValueTypeSchema.options.map(option),
  operators(valueType) {
    const type = ClaimValueTypeSchema.safeParse(valueType);
    return type.success ? OPERATORS_BY_VALUE_TYPE[type.data].map(option) : [];
  },
  listOperator: isListOperator,
  validateField(field, value) {
    return firstIssue((field === 'name' ? ClaimNameSchema : MatchValueSchema).safeParse(value));
  },
  encode: (rules) => (rules.length === 0 ? '' : JSON.stringify(rules.map(toClaim))),
  decode(value) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed)
        ? parsed.filter((c): c is Partial<CustomClaim> => typeof c === 'object' && c !== null).map(fromClaim)
        : [];
    } catch {
      return [];
    }
  },
};
