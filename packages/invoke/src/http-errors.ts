/** Coded errors for non-2xx answers and transport failures of an invocation. Token values never appear. */
import { InvokeError } from './errors.js';

const MAX_BODY_CHARS = 2000;

function messageOf(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['message', 'Message', 'error_description', 'error']) {
      const v = json[key];
      if (typeof v === 'string' && v !== '') return v;
      if (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string')
        return (v as { message: string }).message;
    }
  } catch {
    // not JSON
  }
  return undefined;
}

/** The header `agentcore dev` adds to its 401/403 answers: why it refused, which AWS never says. */
export const DEV_DENIAL_HEADER = 'x-agentcore-dev-denial';

const TOKEN_ACTION =
  "The runtime rejected the access token: get a fresh one (`agentcore fetch access`) and check that it matches the runtime's authorizer (allowed clients, audience, scopes, issuer).";
const IAM_ACTION =
  'The runtime rejected the SigV4 signature: check that your AWS identity may call bedrock-agentcore:InvokeAgentRuntime, and that the runtime uses AWS_IAM.';

/** What to do about a refusal, fitting the credentials that were sent (unknown: both kinds of advice). */
function refusalActions(authKind: InvokeAuthKind | undefined, devReason: string | undefined): string[] {
  const own =
    authKind === 'bearer'
      ? [TOKEN_ACTION]
      : authKind === 'sigv4'
        ? [IAM_ACTION]
        : authKind === 'none'
          ? [
              'The runtime needs credentials: pass --bearer-token, or let invoke fetch a token (see `agentcore fetch access`).',
            ]
          : [TOKEN_ACTION, IAM_ACTION];
  return devReason ? [`agentcore dev refused it because ${devReason}`, ...own] : own;
}

function actionsFor(status: number, authKind: InvokeAuthKind | undefined, devReason: string | undefined): string[] {
  if (status === 401 || status === 403) return refusalActions(authKind, devReason);
  if (status === 404)
    return ['Check the runtime ARN or endpoint URL (it must end with /invocations), and that the runtime is deployed.'];
  if (status === 429) return ['The runtime is throttling requests: wait and retry.'];
  if (status >= 500)
    return ['The agent failed: check its logs (locally: the `agentcore dev` output; deployed: CloudWatch).'];
  return ['Check the payload and headers the agent expects.'];
}

type InvokeAuthKind = 'bearer' | 'sigv4' | 'none';

function headerText(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value.join(', ') : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export async function httpError(
  url: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  authKind?: InvokeAuthKind,
): Promise<InvokeError> {
  const message = messageOf(body);
  const devReason = status === 401 || status === 403 ? headerText(headers[DEV_DENIAL_HEADER]) : undefined;
  const challenge = headers['www-authenticate'];
  const snippet = message ?? (body.trim() === '' ? undefined : body.trim().slice(0, 200));
  return new InvokeError('ERR_INVOKE_HTTP', `The runtime answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`, {
    actions: actionsFor(status, authKind, devReason),
    details: {
      url,
      status,
      ...(devReason ? { devReason } : {}),
      ...(message ? { message } : {}),
      ...(message === undefined && body ? { body: body.slice(0, MAX_BODY_CHARS) } : {}),
      ...(challenge ? { wwwAuthenticate: Array.isArray(challenge) ? challenge.join(', ') : challenge } : {}),
    },
  });
}

export function transportError(url: string, err: unknown, signal: AbortSignal | undefined): InvokeError {
  if (signal?.aborted || (err instanceof Error && (err.name === 'AbortError' || err.name === 'RequestAbortedError'))) {
    return new InvokeError('ERR_INVOKE_ABORTED', 'The invocation was cancelled.', {
      actions: ['Run it again when you are ready.'],
      details: { url },
      cause: err,
    });
  }
  const e = err as Error & { code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  const midStream = code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
  return new InvokeError(
    midStream ? 'ERR_INVOKE_STREAM' : 'ERR_INVOKE_NETWORK',
    midStream
      ? `The connection to ${url} broke before the agent finished (${e.message}).`
      : `Could not reach ${url}: ${e.message}${code ? ` (${code})` : ''}`,
    {
      actions: midStream
        ? ["Check the agent's logs: it closed the connection mid-response."]
        : ['Check that the agent is running and the URL is right (locally, start it with `agentcore dev`).'],
      details: { url, ...(code ? { errno: code } : {}) },
      cause: err,
    },
  );
}
