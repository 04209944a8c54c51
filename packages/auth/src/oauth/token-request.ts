/**
 * The client_credentials grant on oauth4webapi. `clientCredentialsTokenRequest()` does the I/O and returns the
 * Response; `processClientCredentialsTokenResponse()` checks it and throws coded errors. Client authentication is
 * a value chosen from the issuer metadata by `selectClientAuthMethod()`. No message ever contains the secret.
 */
import * as oauth from 'oauth4webapi';
import type { Dispatcher } from 'undici';
import type { AccessToken, ClientCredentials } from '../contract.js';
import { AuthError } from '../errors.js';
import type { IssuerMetadata } from '../oidc/discovery.js';
import { displayUrl, idpFetch, isAllowedIdpUrl, isTimeout } from '../oidc/http.js';
import { idpMessages } from '../idp-messages.js';

export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic';

export interface TokenRequestOptions {
  scopes?: readonly string[];
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** Client authentication to use (default: the first of {@link clientAuthMethodOrder}). */
  method?: ClientAuthMethod;
}

const SECRET_METHODS: readonly ClientAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

/**
 * The client authentication methods to try, in order: client_secret_post (what the official CLI sends) and
 * client_secret_basic, those the issuer advertises first. Both are tried whatever the metadata lists: an absent
 * list means client_secret_basic (RFC 8414 §2) yet most issuers take post too, and local or test issuers often list
 * only `none` while accepting client secrets. A list that rules both out explicitly leaves one attempt, with post.
 */
export function clientAuthMethodOrder(metadata: IssuerMetadata): ClientAuthMethod[] {
  const listed = metadata.token_endpoint_auth_methods_supported;
  if (!listed) return [...SECRET_METHODS];
  const advertised = SECRET_METHODS.filter((m) => listed.includes(m));
  if (advertised.length === 0) return ['client_secret_post'];
  return [...advertised, ...SECRET_METHODS.filter((m) => !advertised.includes(m))];
}

/** The first method of {@link clientAuthMethodOrder}. */
export function selectClientAuthMethod(metadata: IssuerMetadata): ClientAuthMethod {
  return clientAuthMethodOrder(metadata)[0] ?? 'client_secret_post';
}

/** True when the token endpoint refused the client's authentication (`invalid_client`), so another method may work. */
export async function isInvalidClientResponse(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false;
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    return body.error === 'invalid_client';
  } catch {
    return false;
  }
}

/** Checks that the metadata allows a client_credentials request at all; returns the token endpoint. */
export function assertClientCredentialsSupported(metadata: IssuerMetadata): string {
  const endpoint = metadata.token_endpoint;
  if (typeof endpoint !== 'string' || endpoint === '') {
    throw new AuthError('ERR_DISCOVERY', idpMessages().get('error.NoTokenEndpoint', { issuer: metadata.issuer }), {
      actions: idpMessages().list('error.NoTokenEndpoint.actions'),
      details: { issuer: metadata.issuer, reason: 'no_token_endpoint' },
    });
  }
  const grants = metadata.grant_types_supported;
  if (grants && !grants.includes('client_credentials')) {
    const values = { issuer: metadata.issuer, grants: grants.join(', ') };
    throw new AuthError('ERR_DISCOVERY', idpMessages().get('error.GrantNotSupported', values), {
      actions: idpMessages().list('error.GrantNotSupported.actions'),
      details: { issuer: metadata.issuer, reason: 'grant_not_supported', supported: grants },
    });
  }
  if (!isAllowedIdpUrl(endpoint)) {
    throw new AuthError(
      'ERR_DISCOVERY',
      idpMessages().get('error.TokenEndpointInsecure', { url: displayUrl(endpoint) }),
      {
        actions: idpMessages().list('error.TokenEndpointInsecure.actions'),
        details: { issuer: metadata.issuer, reason: 'insecure_token_endpoint', url: displayUrl(endpoint) },
      },
    );
  }
  return endpoint;
}

/** The fields oauth4webapi needs, typed its way. */
function toAuthorizationServer(metadata: IssuerMetadata): oauth.AuthorizationServer {
  return { issuer: metadata.issuer, ...(metadata.token_endpoint ? { token_endpoint: metadata.token_endpoint } : {}) };
}

function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('****') : text;
}

export async function clientCredentialsTokenRequest(
  metadata: IssuerMetadata,
  client: ClientCredentials,
  options: TokenRequestOptions = {},
): Promise<Response> {
  const endpoint = assertClientCredentialsSupported(metadata);
  const method = options.method ?? selectClientAuthMethod(metadata);
  const auth =
    method === 'client_secret_post'
      ? oauth.ClientSecretPost(client.clientSecret)
      : oauth.ClientSecretBasic(client.clientSecret);
  const scope = [...(options.scopes ?? [])].join(' ');
  // https-or-loopback checked again on the URL fetched; the response is read up to 1 MiB within the timeout.
  const capped = idpFetch({
    code: 'ERR_TOKEN_RESPONSE',
    what: idpMessages().get('what.TokenResponse'),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const customFetch = (url: string, init: oauth.CustomFetchOptions<'POST', URLSearchParams>): Promise<Response> =>
    capped(url, init);
  try {
    return await oauth.clientCredentialsGrantRequest(
      toAuthorizationServer(metadata),
      { client_id: client.clientId },
      auth,
      scope ? { scope } : {},
      {
        signal: options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 15_000),
        [oauth.allowInsecureRequests]: true,
        [oauth.customFetch]: customFetch,
      },
    );
  } catch (err) {
    if (err instanceof AuthError) throw err;
    const reason = redact(
      err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err),
      client.clientSecret,
    );
    const values = { url: displayUrl(endpoint), reason };
    throw new AuthError('ERR_TOKEN_REQUEST', idpMessages().get('error.TokenEndpointUnreachable', values), {
      actions: idpMessages().list('error.TokenEndpointUnreachable.actions'),
      details: { url: displayUrl(endpoint), reason: isTimeout(err) ? 'timeout' : 'unreachable' },
    });
  }
}

/** Actions for the standard OAuth error codes a token endpoint returns. */
function actionsFor(error: string | undefined, tried: readonly ClientAuthMethod[]): string[] {
  switch (error) {
    case 'invalid_client':
      return [
        idpMessages().get('action.InvalidClient'),
        ...(tried.length > 0
          ? [
              idpMessages().get('action.InvalidClientMethods', {
                methods: SECRET_METHODS.join(' or '),
                tried: tried.join(', '),
              }),
            ]
          : []),
      ];
    case 'unauthorized_client':
    case 'unsupported_grant_type':
      return [idpMessages().get('action.EnableClientCredentials')];
    case 'invalid_scope':
      return [idpMessages().get('action.InvalidScope')];
    default:
      return [idpMessages().get('action.CheckIdpLogs')];
  }
}

async function readOAuthError(response: Response): Promise<{ error?: string; description?: string }> {
  try {
    const body = (await response.json()) as { error?: unknown; error_description?: unknown };
    return {
      ...(typeof body.error === 'string' ? { error: body.error } : {}),
      ...(typeof body.error_description === 'string' ? { description: body.error_description } : {}),
    };
  } catch {
    return {};
  }
}

function rejected(
  endpoint: string,
  status: number,
  error: string | undefined,
  description: string | undefined,
  secret: string,
  tried: readonly ClientAuthMethod[] = [],
): AuthError {
  const what = [error, description]
    .filter(Boolean)
    .map((s) => redact(String(s), secret))
    .join(': ');
  return new AuthError(
    'ERR_TOKEN_REQUEST',
    idpMessages().get('error.TokenRefused', {
      status,
      what: what ? `, ${what}` : '',
      tried:
        error === 'invalid_client' && tried.length > 0
          ? ` ${idpMessages().get('error.TokenRefused.tried', { methods: tried.join(', then ') })}`
          : '',
    }),
    {
      actions: actionsFor(error, tried),
      details: {
        url: endpoint,
        status,
        ...(tried.length > 0 ? { clientAuthMethods: [...tried] } : {}),
        ...(error ? { error } : {}),
        ...(description ? { errorDescription: redact(description, secret) } : {}),
      },
    },
  );
}

export async function processClientCredentialsTokenResponse(
  metadata: IssuerMetadata,
  client: ClientCredentials,
  response: Response,
  tried: readonly ClientAuthMethod[] = [],
): Promise<AccessToken> {
  const endpoint = metadata.token_endpoint ?? '';
  try {
    const body = await oauth.processClientCredentialsResponse(
      toAuthorizationServer(metadata),
      { client_id: client.clientId },
      response,
    );
    return {
      accessToken: body.access_token,
      tokenType: body.token_type,
      ...(body.expires_in !== undefined ? { expiresIn: body.expires_in } : {}),
    };
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError)
      throw rejected(endpoint, err.status, err.error, err.error_description, client.clientSecret, tried);
    if (err instanceof oauth.WWWAuthenticateChallengeError) {
      const body = await readOAuthError(err.response);
      throw rejected(
        endpoint,
        err.status,
        body.error ?? err.cause[0]?.parameters.error,
        body.description ?? err.cause[0]?.parameters.error_description,
        client.clientSecret,
        tried,
      );
    }
    const reason = redact(err instanceof Error ? err.message : String(err), client.clientSecret);
    throw new AuthError(
      'ERR_TOKEN_RESPONSE',
      idpMessages().get('error.TokenResponseUnusable', { status: response.status, reason }),
      {
        actions: idpMessages().list('error.TokenResponseUnusable.actions'),
        details: { url: endpoint, status: response.status },
        cause: err,
      },
    );
  }
}
