/**
 * The CUSTOM_JWT `authorizerConfiguration` block
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/inbound-jwt-authorizer.html): every rule written
 * once here and used by the project model, `fromFlags`, the wizard prompts and `token inspect`. Types are inferred,
 * never hand-written.
 */
import { isAllowedIdpUrl, type JwtAuthorizerConfig } from '@agentcore/auth';
import { ensureZodEnglish, OIDC_DISCOVERY_SUFFIX, redactUrl, urlHasUserInfo } from '@agentcore/schema';
import * as z from 'zod/mini';
import { messages as m } from './messages.js';

ensureZodEnglish();

/** CloudFormation's `AllowedScopes.items` pattern: printable ASCII without space, `"` and `\`. */
export const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
export const CLAIM_NAME_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const MATCH_VALUE_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const RESERVED_CLAIM_NAMES: ReadonlySet<string> = new Set(['client_id']);

export const DiscoveryUrlSchema = z.string().check(
  z.superRefine((value, ctx) => {
    if (urlHasUserInfo(value)) {
      ctx.addIssue({ code: 'custom', message: m.get('schema.discoveryUrl.userInfo', { url: redactUrl(value) }) });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: m.get('schema.discoveryUrl.invalid') });
      return;
    }
    // https, or plain http on a loopback address (local dev issuers): the rule every fetch applies as well.
    if (!isAllowedIdpUrl(url)) {
      ctx.addIssue({ code: 'custom', message: m.get('schema.discoveryUrl.https') });
    }
    if (!value.endsWith(OIDC_DISCOVERY_SUFFIX)) {
      ctx.addIssue({ code: 'custom', message: m.get('schema.discoveryUrl.suffix', { suffix: OIDC_DISCOVERY_SUFFIX }) });
    }
  }),
);

/**
 * Characters that never belong in an id, audience, client or scope but arrive when values are copied from docs or
 * terminals: control characters (C0, DEL, C1) and the ellipsis `…` that shortens examples.
 */
export const PASTED_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2026]/;

const ListItemSchema = z.string().check(
  z.minLength(1, m.get('schema.item.empty')),
  z.maxLength(255, m.get('schema.item.long')),
  z.refine((v) => !PASTED_CHARACTERS.test(v), m.get('schema.item.pasted')),
);
const listOf = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1, m.get('schema.list.empty')));

export const AudienceSchema = ListItemSchema;
export const ClientIdSchema = ListItemSchema;
export const ScopeSchema = ListItemSchema.check(z.regex(SCOPE_PATTERN, m.get('schema.scope.pattern')));

export const ClaimNameSchema = z.string().check(
  z.minLength(1, m.get('schema.item.empty')),
  z.maxLength(255, m.get('schema.item.long')),
  z.regex(CLAIM_NAME_PATTERN, m.get('schema.claimName.pattern')),
  z.refine((n) => !RESERVED_CLAIM_NAMES.has(n), m.get('schema.claimName.reserved')),
);

export const MatchValueSchema = ListItemSchema.check(z.regex(MATCH_VALUE_PATTERN, m.get('schema.matchValue.pattern')));

export const ClaimValueTypeSchema = z.enum(['STRING', 'STRING_ARRAY']);
export const ClaimMatchOperatorSchema = z.enum(['EQUALS', 'CONTAINS', 'CONTAINS_ANY']);
export type ClaimValueType = z.infer<typeof ClaimValueTypeSchema>;
export type ClaimMatchOperator = z.infer<typeof ClaimMatchOperatorSchema>;

/** The operators each value type takes; the pairing check below and the wizard's operator choice both read it. */
export const OPERATORS_BY_VALUE_TYPE: Readonly<Record<ClaimValueType, readonly ClaimMatchOperator[]>> = {
  STRING: ['EQUALS'],
  STRING_ARRAY: ['CONTAINS', 'CONTAINS_ANY'],
};
/** Operators that compare with `matchValueStringList`; the others take `matchValueString`. */
export const LIST_OPERATORS: ReadonlySet<ClaimMatchOperator> = new Set(['CONTAINS_ANY']);

export const ClaimMatchValueSchema = z
  .strictObject({
    matchValueString: z.optional(MatchValueSchema),
    matchValueStringList: z.optional(
      z.array(MatchValueSchema).check(z.minLength(1, m.get('schema.list.empty')), z.maxLength(255)),
    ),
  })
  .check(
    z.refine(
      (v) => (v.matchValueString === undefined) !== (v.matchValueStringList === undefined),
      m.get('schema.matchValue.exactlyOne'),
    ),
  );

/** One custom claim rule, with the operator ↔ value type ↔ value member pairing AWS requires. */
export const CustomClaimSchema = z
  .strictObject({
    inboundTokenClaimName: ClaimNameSchema,
    inboundTokenClaimValueType: ClaimValueTypeSchema,
    authorizingClaimMatchValue: z.strictObject({
      claimMatchOperator: ClaimMatchOperatorSchema,
      claimMatchValue: ClaimMatchValueSchema,
    }),
  })
  .check(
    z.superRefine((rule, ctx) => {
      const { claimMatchOperator: op, claimMatchValue: value } = rule.authorizingClaimMatchValue;
      const opPath = ['authorizingClaimMatchValue', 'claimMatchOperator'];
      const type = rule.inboundTokenClaimValueType;
      if (!OPERATORS_BY_VALUE_TYPE[type].includes(op))
        ctx.addIssue({
          code: 'custom',
          path: opPath,
          message: m.get(type === 'STRING' ? 'schema.pairing.stringOperator' : 'schema.pairing.arrayOperator'),
        });
      if (!LIST_OPERATORS.has(op) && value.matchValueStringList !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['authorizingClaimMatchValue', 'claimMatchValue', 'matchValueStringList'],
          message: m.get('schema.pairing.singleValue', { operator: op }),
        });
      }
      if (LIST_OPERATORS.has(op) && value.matchValueString !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['authorizingClaimMatchValue', 'claimMatchValue', 'matchValueString'],
          message: m.get('schema.pairing.listValue'),
        });
      }
    }),
  );

export const CustomClaimsSchema = z.array(CustomClaimSchema).check(z.minLength(1, m.get('schema.list.empty')));

const CONSTRAINT_KEYS = ['allowedAudience', 'allowedClients', 'allowedScopes', 'customClaims'] as const;

export const CustomJwtAuthorizerSchema = z
  .strictObject({
    discoveryUrl: DiscoveryUrlSchema,
    allowedAudience: z.optional(listOf(AudienceSchema)),
    allowedClients: z.optional(listOf(ClientIdSchema)),
    allowedScopes: z.optional(listOf(ScopeSchema)),
    customClaims: z.optional(CustomClaimsSchema),
  })
  .check(
    z.refine((c) => CONSTRAINT_KEYS.some((k) => (c[k]?.length ?? 0) > 0), { message: m.get('schema.noConstraint') }),
  );

/** The `authorizerConfiguration` of a CUSTOM_JWT runtime or gateway. */
export const CustomJwtAuthorizerConfigSchema = z.strictObject({ customJwtAuthorizer: CustomJwtAuthorizerSchema });

export type CustomClaim = z.infer<typeof CustomClaimSchema>;
export type CustomJwtAuthorizer = z.infer<typeof CustomJwtAuthorizerSchema>;
export type CustomJwtAuthorizerConfig = z.infer<typeof CustomJwtAuthorizerConfigSchema>;

/** Compile-time proof that the parsed config is what the engine in @agentcore/auth takes. */
export const toEngineConfig = (config: CustomJwtAuthorizer): JwtAuthorizerConfig => config;
