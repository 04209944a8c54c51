/**
 * CUSTOM_JWT ↔ AWS shapes. CloudFormation (`AuthorizerConfiguration.CustomJWTAuthorizer`, PascalCase)
 * and the control plane (`authorizerConfiguration.customJWTAuthorizer`, camelCase). Unlike the official
 * import, custom claims survive the round trip.
 */
import { ensureZodEnglish } from '@agentcore/schema';
import * as z from 'zod/mini';
import { createAwsShapeError } from './errors.js';
import type { CustomClaim, CustomJwtAuthorizerConfig } from './schema.js';

ensureZodEnglish();

const nonEmpty = <T>(items: readonly T[] | undefined): items is readonly T[] => items !== undefined && items.length > 0;
const present = <T>(items: readonly T[] | null | undefined): T[] | undefined =>
  items && items.length > 0 ? [...items] : undefined;

function claimToCloudFormation(claim: CustomClaim): Record<string, unknown> {
  const { claimMatchOperator, claimMatchValue } = claim.authorizingClaimMatchValue;
  return {
    InboundTokenClaimName: claim.inboundTokenClaimName,
    InboundTokenClaimValueType: claim.inboundTokenClaimValueType,
    AuthorizingClaimMatchValue: {
      ClaimMatchOperator: claimMatchOperator,
      ClaimMatchValue:
        claimMatchValue.matchValueString !== undefined
          ? { MatchValueString: claimMatchValue.matchValueString }
          : { MatchValueStringList: [...(claimMatchValue.matchValueStringList ?? [])] },
    },
  };
}

/** The CloudFormation `AuthorizerConfiguration` of a runtime or gateway: only non-empty lists are emitted. */
export function toCloudFormation(config: CustomJwtAuthorizerConfig): Record<string, unknown> {
  const a = config.customJwtAuthorizer;
  return {
    CustomJWTAuthorizer: {
      DiscoveryUrl: a.discoveryUrl,
      ...(nonEmpty(a.allowedAudience) ? { AllowedAudience: [...a.allowedAudience] } : {}),
      ...(nonEmpty(a.allowedClients) ? { AllowedClients: [...a.allowedClients] } : {}),
      ...(nonEmpty(a.allowedScopes) ? { AllowedScopes: [...a.allowedScopes] } : {}),
      ...(nonEmpty(a.customClaims) ? { CustomClaims: a.customClaims.map(claimToCloudFormation) } : {}),
    },
  };
}

/** `DiscoveryUrl` → `discoveryUrl`, `CustomJWTAuthorizer` → `customJWTAuthorizer`: CloudFormation keys in API spelling. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelKeys(v)]),
  );
}

const StringList = z.optional(z.array(z.string()));
const AwsClaimSchema = z.looseObject({
  inboundTokenClaimName: z.string(),
  inboundTokenClaimValueType: z.optional(z.string()),
  authorizingClaimMatchValue: z.optional(
    z.looseObject({
      claimMatchOperator: z.optional(z.string()),
      claimMatchValue: z.optional(
        z.looseObject({ matchValueString: z.optional(z.string()), matchValueStringList: StringList }),
      ),
    }),
  ),
});
const AwsAuthorizerSchema = z.looseObject({
  discoveryUrl: z.string(),
  allowedAudience: z.nullable(StringList),
  allowedClients: z.nullable(StringList),
  allowedScopes: z.nullable(StringList),
  customClaims: z.nullable(z.optional(z.array(AwsClaimSchema))),
});

function claimFromAws(claim: z.infer<typeof AwsClaimSchema>): CustomClaim {
  const match = claim.authorizingClaimMatchValue;
  const value = match?.claimMatchValue;
  return {
    inboundTokenClaimName: claim.inboundTokenClaimName,
    inboundTokenClaimValueType: claim.inboundTokenClaimValueType === 'STRING_ARRAY' ? 'STRING_ARRAY' : 'STRING',
    authorizingClaimMatchValue: {
      claimMatchOperator:
        match?.claimMatchOperator === 'CONTAINS' || match?.claimMatchOperator === 'CONTAINS_ANY'
          ? match.claimMatchOperator
          : 'EQUALS',
      claimMatchValue:
        value?.matchValueString !== undefined
          ? { matchValueString: value.matchValueString }
          : { matchValueStringList: value?.matchValueStringList ?? [] },
    },
  };
}

/**
 * Control-plane `authorizerConfiguration` (GetAgentRuntime / GetGateway; CloudFormation spelling accepted too) →
 * the agentcore.json block. Missing operator means EQUALS, missing value type STRING (as AWS defaults them).
 * The result is validated when the project is written.
 */
export function fromAws(authorizerConfiguration: unknown): CustomJwtAuthorizerConfig {
  const normalised = camelKeys(authorizerConfiguration) as Record<string, unknown> | null;
  const raw = normalised?.customJWTAuthorizer ?? normalised?.customJwtAuthorizer;
  const parsed = AwsAuthorizerSchema.safeParse(raw);
  if (!parsed.success)
    throw createAwsShapeError({ issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  const a = parsed.data;
  const allowedAudience = present(a.allowedAudience);
  const allowedClients = present(a.allowedClients);
  const allowedScopes = present(a.allowedScopes);
  const customClaims = present(a.customClaims)?.map(claimFromAws);
  return {
    customJwtAuthorizer: {
      discoveryUrl: a.discoveryUrl,
      ...(allowedAudience ? { allowedAudience } : {}),
      ...(allowedClients ? { allowedClients } : {}),
      ...(allowedScopes ? { allowedScopes } : {}),
      ...(customClaims ? { customClaims } : {}),
    },
  };
}
