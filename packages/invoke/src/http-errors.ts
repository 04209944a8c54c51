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

function actionsFor(status: number): string[] {
  if (status === 401 || status === 403) {
    return [
      "The runtime rejected the credentials: get a fresh access token and check that it matches the runtime's authorizer (allowed clients, audience, scopes, issuer).",
      'For AWS_IAM runtimes, check that your AWS identity may call bedrock-agentcore:InvokeAgentRuntime.',
    ];
  }
  if (status === 404)
    return ['Check the runtime ARN or endpoint URL (it must end with /invocations), and that the runtime is deployed.'];
  if (status === 429) return ['The runtime is throttling requests: wait and retry.'];
  if (status >= 500)
    return ['The agent failed: check its logs (locally: the `agentcore dev` output; deployed: CloudWatch).'];
  return ['Check the payload and headers the agent expects.'];
}

export async function httpError(
  url: string,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): Promise<InvokeError> {
  const message = messageOf(body);
  const challenge = headers['www-authenticate'];
  const snippet = message ?? (body.trim() === '' ? undefined : body.trim().slice(0, 200));
  return new InvokeError('ERR_INVOKE_HTTP', `The runtime answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`, {
    actions: actionsFor(status),
    details: {
      url,
      status,
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
