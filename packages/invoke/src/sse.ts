/** Reads a Server-Sent Events body with eventsource-parser and hands each event over as soon as it is parsed. */
import { createParser, type ParseError } from 'eventsource-parser';
import { InvokeError } from './errors.js';
import { eventFromSseData, type InvokeEvent } from './events.js';
import { invokeMessages } from './messages.js';

/** Bound on buffered, not yet complete SSE data (protects memory against a stream that never ends an event). */
export const MAX_SSE_BUFFER_CHARS = 16 * 1024 * 1024;

function malformed(url: string, error: ParseError): InvokeError {
  const line = error.line?.slice(0, 120);
  return new InvokeError(
    'ERR_INVOKE_STREAM',
    invokeMessages().get(line ? 'error.SseMalformed.line' : 'error.SseMalformed', {
      reason: error.type,
      line: line ?? '',
    }),
    {
      actions: invokeMessages().list('error.SseMalformed.actions'),
      details: { url, reason: error.type, ...(line ? { line } : {}) },
    },
  );
}

/**
 * Feed `body` to the parser; `emit` gets each event and returns false to stop reading (after an error event).
 * Throws ERR_INVOKE_STREAM for lines that are not SSE fields; transport errors propagate to the caller.
 */
export async function readSseEvents(
  url: string,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  emit: (event: InvokeEvent) => boolean,
): Promise<void> {
  let stopped = false;
  let parseError: ParseError | undefined;
  const parser = createParser({
    maxBufferSize: MAX_SSE_BUFFER_CHARS,
    onEvent: (message) => {
      if (!stopped && !emit(eventFromSseData(message.data))) stopped = true;
    },
    onError: (error) => {
      parseError ??= error;
    },
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (parseError) throw malformed(url, parseError);
    if (stopped) return;
  }
  parser.feed(decoder.decode());
  parser.reset({ consume: true });
  if (parseError) throw malformed(url, parseError);
}
