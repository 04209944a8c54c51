/**
 * `invoke()`: POST a payload to an AgentCore runtime (deployed or local) and stream what it sends back.
 * Request building is pure (endpoint.ts, headers.ts, events.ts); this module does the I/O and event delivery.
 */
import type { Dispatcher } from 'undici';
import { EventChannel } from './channel.js';
import { authorizeRequest, type InvokeAuth } from './authorize.js';
import { resolveInvokeUrl, type InvokeTarget } from './endpoint.js';
import { InvokeError } from './errors.js';
import { eventsFromBody, type InvokeEvent } from './events.js';
import { buildInvokeHeaders, SESSION_ID_HEADER } from './headers.js';
import { httpError, transportError } from './http-errors.js';
import { readSseEvents } from './sse.js';
import { invokeMessages } from './messages.js';

export type { InvokeAuth } from './authorize.js';

export interface InvokeOptions {
  target: InvokeTarget;
  /** JSON-serialised into the body; a Uint8Array is sent as is. Agents built on the official templates read `{prompt}`. */
  payload: unknown;
  sessionId?: string;
  userId?: string;
  /** Extra headers, sent on every auth path. */
  headers?: Readonly<Record<string, string>>;
  auth: InvokeAuth;
  /** Ask for Server-Sent Events (default true); false sends `Accept: application/json`. */
  stream?: boolean;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
}

export interface InvokeResult {
  /** Concatenated text events. */
  text: string;
  /** The session id the runtime returned (or the one sent). */
  sessionId?: string;
  status: number;
  contentType: string;
  /** The agent's error message, when it sent an `{"error": …}` event. */
  error?: string;
}

/** Async-iterate the events as they arrive (once), and/or await `result`. The request starts immediately. */
export interface Invocation extends AsyncIterable<InvokeEvent> {
  readonly result: Promise<InvokeResult>;
}

function serializePayload(payload: unknown): string | Uint8Array {
  if (payload instanceof Uint8Array) return payload;
  const text = JSON.stringify(payload);
  if (text === undefined)
    throw new InvokeError('ERR_INVOKE_INPUT', invokeMessages().get('error.PayloadNotJson'), {
      actions: invokeMessages().list('error.PayloadNotJson.actions'),
    });
  return text;
}

async function prepareRequest(
  options: InvokeOptions,
): Promise<{ url: string; headers: Record<string, string>; body: string | Uint8Array }> {
  const url = resolveInvokeUrl(options.target);
  const body = serializePayload(options.payload);
  const headers = buildInvokeHeaders({
    stream: options.stream ?? true,
    sessionId: options.sessionId,
    userId: options.userId,
    headers: options.headers,
  });
  return {
    url,
    body,
    headers: await authorizeRequest(options.auth, { url, method: 'POST', headers, body, target: options.target }),
  };
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function run(options: InvokeOptions, channel: EventChannel<InvokeEvent>): Promise<InvokeResult> {
  const { url, headers, body } = await prepareRequest(options);
  let text = '';
  let error: string | undefined;
  const emit = (event: InvokeEvent): boolean => {
    if (event.type === 'text') text += event.text;
    if (event.type === 'error') error = event.message;
    channel.push(event);
    return event.type !== 'error';
  };
  let response: Dispatcher.ResponseData;
  try {
    const { request } = await import('undici'); // loaded on first invocation only, not by importers of the URL helpers
    response = await request(url, {
      method: 'POST',
      headers,
      body,
      signal: options.signal,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
  } catch (err) {
    throw transportError(url, err, options.signal);
  }
  const contentType = headerValue(response.headers, 'content-type') ?? '';
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw await httpError(
      url,
      response.statusCode,
      response.headers,
      await response.body.text().catch(() => ''),
      options.auth.kind,
    );
  }
  try {
    if (contentType.includes('text/event-stream')) {
      await readSseEvents(url, response.body, emit);
    } else {
      const whole = await response.body.text();
      if (!/^\s*[[{"]/.test(whole) && /^data:/m.test(whole))
        await readSseEvents(url, [new TextEncoder().encode(whole)], emit);
      else eventsFromBody(whole).every(emit);
    }
  } catch (err) {
    response.body.destroy();
    throw err instanceof InvokeError ? err : transportError(url, err, options.signal);
  }
  const sessionId = headerValue(response.headers, SESSION_ID_HEADER) ?? options.sessionId;
  return {
    text,
    status: response.statusCode,
    contentType,
    ...(sessionId ? { sessionId } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

/** Invoke a runtime. Errors are InvokeError (see `InvokeErrorCode`): `result` rejects and iteration throws. */
export function invoke(options: InvokeOptions): Invocation {
  const channel = new EventChannel<InvokeEvent>();
  const result = run(options, channel).then(
    (r) => {
      channel.close();
      return r;
    },
    (err: unknown) => {
      channel.close(err);
      throw err;
    },
  );
  result.catch(() => undefined); // consumers that only iterate still see the error; no unhandled rejection
  return { result, [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator]() };
}
