/** Coded errors for non-2xx answers and transport failures of an invocation. Token values never appear. */
import { InvokeError } from './errors.js';
import { invokeMessages } from './messages.js';

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

const m = invokeMessages;

/** What to do about a refusal, fitting the credentials that were sent (unknown: both kinds of advice). */
function refusalActions(authKind: InvokeAuthKind | undefined, devReason: string | undefined): string[] {
  const token = m().get('action.TokenRejected');
  const iam = m().get('action.SignatureRejected');
  const own =
    authKind === 'bearer'
      ? [token]
      : authKind === 'sigv4'
        ? [iam]
        : authKind === 'none'
          ? [m().get('action.NeedsCredentials')]
          : [token, iam];
  return devReason ? [m().get('action.DevRefused', { reason: devReason }), ...own] : own;
}

function actionsFor(status: number, authKind: InvokeAuthKind | undefined, devReason: string | undefined): string[] {
  if (status === 401 || status === 403) return refusalActions(authKind, devReason);
  if (status === 404) return [m().get('action.NotFound')];
  if (status === 429) return [m().get('action.Throttled')];
  if (status >= 500) return [m().get('action.AgentFailed')];
  return [m().get('action.CheckRequest')];
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
  return new InvokeError(
    'ERR_INVOKE_HTTP',
    m().get(snippet ? 'error.Http.snippet' : 'error.Http', { status, snippet: snippet ?? '' }),
    {
      actions: actionsFor(status, authKind, devReason),
      details: {
        url,
        status,
        ...(devReason ? { devReason } : {}),
        ...(message ? { message } : {}),
        ...(message === undefined && body ? { body: body.slice(0, MAX_BODY_CHARS) } : {}),
        ...(challenge ? { wwwAuthenticate: Array.isArray(challenge) ? challenge.join(', ') : challenge } : {}),
      },
    },
  );
}

export function transportError(url: string, err: unknown, signal: AbortSignal | undefined): InvokeError {
  if (signal?.aborted || (err instanceof Error && (err.name === 'AbortError' || err.name === 'RequestAbortedError'))) {
    return new InvokeError('ERR_INVOKE_ABORTED', m().get('error.Cancelled'), {
      actions: m().list('error.Cancelled.actions'),
      details: { url },
      cause: err,
    });
  }
  const e = err as Error & { code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  const midStream = code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
  const key = midStream ? 'error.ConnectionBroke' : 'error.Unreachable';
  const values = { url, reason: e.message, code: code ?? '' };
  return new InvokeError(
    midStream ? 'ERR_INVOKE_STREAM' : 'ERR_INVOKE_NETWORK',
    m().get(!midStream && code ? 'error.Unreachable.code' : key, values),
    {
      actions: m().list(`${key}.actions`),
      details: { url, ...(code ? { errno: code } : {}) },
      cause: err,
    },
  );
}
