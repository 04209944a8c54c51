/**
 * CUSTOM_JWT misuse cases for `add agent` (custom-jwt.integration.test.ts): each must be refused with
 * ERR_INVALID_INPUT, one problem on the named flag, and a first action saying what to pass instead.
 */
export const URL_OK = 'https://idp.example.com/.well-known/openid-configuration';
export const CLAIMS = JSON.stringify([
  {
    inboundTokenClaimName: 'tenant',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'acme' } },
  },
]);

const OIDC_URL = /^Use the issuer's OpenID configuration URL, ending with \/\.well-known\/openid-configuration\.$/;
const CLAIM_SHAPE = /^Each rule is \{"inboundTokenClaimName":/;
const BOTH_OR_NEITHER =
  /^Give both: --client-id <id> --client-secret - \(the secret is read from stdin\), or neither\.$/;
/** [case, flags, flag the problem names, problem message, first action] */
export const misuse: [string, string[], string | undefined, RegExp, RegExp][] = [
  [
    'missing discovery URL',
    ['--allowed-clients', 'c1'],
    'discovery-url',
    /required/,
    /^Pass your identity provider's discovery URL, e.g. --discovery-url https:\/\//,
  ],
  [
    'http outside loopback',
    ['--discovery-url', 'http://idp.example.com/.well-known/openid-configuration', '--allowed-clients', 'c1'],
    'discovery-url',
    /https/,
    OIDC_URL,
  ],
  [
    'wrong suffix',
    ['--discovery-url', 'https://idp.example.com/oauth2', '--allowed-clients', 'c1'],
    'discovery-url',
    /openid-configuration/,
    OIDC_URL,
  ],
  [
    'no constraint',
    ['--discovery-url', URL_OK],
    undefined,
    /at least one of/,
    /^Add --allowed-clients <client id> .*--allowed-audience \/ --allowed-scopes \/ --custom-claims/,
  ],
  [
    'bad claims JSON',
    ['--discovery-url', URL_OK, '--custom-claims', '[{"inboundTokenClaimName":'],
    'custom-claims',
    /not valid JSON/,
    CLAIM_SHAPE,
  ],
  [
    'a claim field error with its index',
    ['--discovery-url', URL_OK, '--custom-claims', CLAIMS.replace('"tenant"', '"client_id"')],
    'custom-claims',
    /index 0, inboundTokenClaimName/,
    CLAIM_SHAPE,
  ],
  [
    'invalid pairing',
    ['--discovery-url', URL_OK, '--custom-claims', CLAIMS.replace('"EQUALS"', '"CONTAINS"')],
    'custom-claims',
    /claimMatchOperator/,
    CLAIM_SHAPE,
  ],
  [
    'secret without id',
    ['--discovery-url', URL_OK, '--allowed-clients', 'c1', '--client-secret', '-'],
    'client-secret',
    /needs --client-id/,
    BOTH_OR_NEITHER,
  ],
  [
    'id without secret',
    ['--discovery-url', URL_OK, '--allowed-clients', 'c1', '--client-id', 'c1'],
    'client-id',
    /needs --client-secret/,
    BOTH_OR_NEITHER,
  ],
];
