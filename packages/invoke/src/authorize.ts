/**
 * One place that puts an invocation's credentials on a request: a bearer token, a SigV4 signature (service
 * `bedrock-agentcore`) or nothing. Used by the HTTP, MCP and A2A paths alike, so every protocol authenticates the same.
 */
import { parseRuntimeArn, regionOfEndpoint, type InvokeTarget } from './endpoint.js';
import { InvokeError } from './errors.js';
import { signSigV4, type AwsCredentialsInput } from './sigv4.js';
import { invokeMessages } from './messages.js';

export type InvokeAuth =
  | { kind: 'bearer'; token: string }
  /** Region defaults to the runtime ARN's (or the endpoint host's); credentials to the AWS default chain. */
  | { kind: 'sigv4'; region?: string; credentials?: AwsCredentialsInput }
  | { kind: 'none' };

/** `…bedrock-agentcore.<region>.…` anywhere in the host: runtime endpoints and gateway URLs (`<id>.gateway.bedrock-agentcore.<region>.amazonaws.com`). */
export function regionOfUrl(url: string): string | undefined {
  return regionOfEndpoint(url) ?? /(?:^|\.)bedrock-agentcore\.([a-z0-9-]+)\./.exec(new URL(url).hostname)?.[1];
}

function sigv4Region(auth: { region?: string }, target: InvokeTarget | undefined, url: string): string {
  const region =
    auth.region ??
    (target?.kind === 'runtime' ? (target.region ?? parseRuntimeArn(target.arn).region) : regionOfUrl(url));
  if (!region) {
    throw new InvokeError('ERR_INVOKE_SIGV4', invokeMessages().get('error.NoRegion', { url }), {
      actions: invokeMessages().list('error.NoRegion.actions'),
      details: { url },
    });
  }
  return region;
}

export interface AuthorizeInput {
  url: string;
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Where the request goes, for the SigV4 region (a runtime ARN's region); else the URL's. */
  target?: InvokeTarget;
}

/** The headers to send: the input ones plus `authorization` (and the SigV4 date/token headers). */
export async function authorizeRequest(auth: InvokeAuth, input: AuthorizeInput): Promise<Record<string, string>> {
  if (auth.kind === 'bearer') return { ...input.headers, authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'none') return input.headers;
  return signSigV4({
    url: input.url,
    method: input.method,
    headers: input.headers,
    body: input.body,
    region: sigv4Region(auth, input.target, input.url),
    credentials: auth.credentials,
  });
}
