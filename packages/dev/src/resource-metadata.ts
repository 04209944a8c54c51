/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728, https://www.rfc-editor.org/rfc/rfc9728) for the dev gateways
 * and MCP runtimes whose authorizer is OIDC-shaped (a `discoveryUrl`): served at
 * `/.well-known/oauth-protected-resource<resource path>`, and named in the `WWW-Authenticate` challenge of a 401
 * (`resource_metadata="…"`), so a standard MCP client can discover the issuer and scopes to authenticate with.
 * A local-dev convenience: the metadata a deployed AgentCore resource advertises is AWS's.
 */
import type { ServerResponse } from 'node:http';
import type { Denial } from './inbound.js';
import { sendJson } from './http-util.js';
import { oidcBlocks, oidcRequirements } from './plan.js';
import { devMessages } from './messages.js';

export const RESOURCE_METADATA_PREFIX = '/.well-known/oauth-protected-resource';
const DISCOVERY_SUFFIX = /\/\.well-known\/openid-configuration$/;

/** RFC 9728 §3.1: the well-known path is inserted between the host and the resource's path. */
export function resourceMetadataUrl(resourceUrl: string): string {
  const u = new URL(resourceUrl);
  return `${u.origin}${RESOURCE_METADATA_PREFIX}${u.pathname === '/' ? '' : u.pathname}`;
}

/** The metadata document, or undefined when the authorizer names no OIDC issuer (AWS_IAM, NONE, other plugins). */
export function protectedResourceMetadata(resourceUrl: string, config: unknown): Record<string, unknown> | undefined {
  const issuers = [
    ...new Set(
      oidcBlocks(config).flatMap((b) =>
        typeof b.discoveryUrl === 'string' ? [b.discoveryUrl.replace(DISCOVERY_SUFFIX, '')] : [],
      ),
    ),
  ];
  if (issuers.length === 0) return undefined;
  const { scopes } = oidcRequirements(config);
  return {
    resource: resourceUrl,
    authorization_servers: issuers,
    ...(scopes.length ? { scopes_supported: scopes } : {}),
    bearer_methods_supported: ['header'],
  };
}

/** A 401 of an OIDC-protected resource points at its metadata (`resource_metadata`, RFC 9728 §5.1). */
export function withResourceMetadata(denial: Denial, resourceUrl: string, config: unknown): Denial {
  if (denial.status !== 401 || !protectedResourceMetadata(resourceUrl, config)) return denial;
  const challenge = denial.wwwAuthenticate ?? 'Bearer realm="agentcore"';
  return { ...denial, wwwAuthenticate: `${challenge}, resource_metadata="${resourceMetadataUrl(resourceUrl)}"` };
}

export interface MetadataResource {
  /** Absolute URL of the protected resource (a gateway's MCP URL, an MCP runtime's invocations URL). */
  url: string;
  config: unknown;
}

/** Answer `GET /.well-known/oauth-protected-resource/<resource path>`: 200 with the metadata, else 404. */
export function serveResourceMetadata(
  res: ServerResponse,
  method: string,
  path: string,
  resources: readonly MetadataResource[],
): void {
  const resourcePath = path.slice(RESOURCE_METADATA_PREFIX.length);
  const found = resources.find((r) => r.url !== '' && new URL(r.url).pathname === resourcePath);
  const metadata = found && protectedResourceMetadata(found.url, found.config);
  if (method !== 'GET') return sendJson(res, 405, { message: devMessages().get('aws.MethodNotAllowed') });
  if (!found || !metadata)
    return sendJson(res, 404, {
      message: devMessages().get('aws.ResourceNotFound'),
      devReason: devMessages().get('devReason.NoProtectedResource', { path: resourcePath || '/' }),
    });
  sendJson(res, 200, metadata, { 'cache-control': 'no-store' });
}
