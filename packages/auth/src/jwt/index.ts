// JWT authorizer engine: what AWS checks for CUSTOM_JWT runtimes and gateways.
export * from './types.js';
export { decodeJwt, extractBearerToken, type DecodedJwt, type DecodeJwtResult } from './decode.js';
export {
  ALLOWED_JWT_ALGORITHMS,
  checkAlgorithm,
  checkConstraints,
  checkCustomClaim,
  checkIssuer,
  checkTimes,
} from './rules.js';
export { clearJwksCache, verifySignature, type VerifySignatureOptions } from './keys.js';
export { authorizeJwt, authorizeRequest, decideJwt, inspectJwt, statusForRule } from './inspect.js';
