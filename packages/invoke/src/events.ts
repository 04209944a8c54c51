/**
 * Pure: the AgentCore framing of what a runtime sends
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-http-protocol-contract.html). One SSE `data`
 * payload or one non-streaming body becomes invocation events. Nothing here does I/O.
 */
export type InvokeEvent =
  /** Text to show as it arrives (JSON strings, Strands text deltas, non-JSON data). */
  | { type: 'text'; text: string }
  /** Any other JSON value the agent sent. */
  | { type: 'json'; value: unknown }
  /** The agent reported an error (`{"error": …}`); the invocation stops after it. */
  | { type: 'error'; message: string; value?: unknown };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `{event: {contentBlockDelta: {delta: {text}}}}` (Strands / ConverseStream) → text. */
function strandsText(value: Record<string, unknown>): string | undefined {
  const event = value.event;
  if (!isRecord(event) || !isRecord(event.contentBlockDelta) || !isRecord(event.contentBlockDelta.delta))
    return undefined;
  const text = event.contentBlockDelta.delta.text;
  return typeof text === 'string' ? text : undefined;
}

function errorMessage(error: unknown, value: Record<string, unknown>): string {
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof value.message === 'string') return value.message;
  return JSON.stringify(error);
}

/** One SSE `data` payload → one event. */
export function eventFromSseData(data: string): InvokeEvent {
  const parsed = parseJson(data);
  if (!parsed.ok) return { type: 'text', text: data };
  const value = parsed.value;
  if (typeof value === 'string') return { type: 'text', text: value };
  if (isRecord(value)) {
    if ('error' in value && value.error !== undefined && value.error !== null)
      return { type: 'error', message: errorMessage(value.error, value), value };
    const text = strandsText(value);
    if (text !== undefined) return { type: 'text', text };
  }
  return { type: 'json', value };
}

/** A whole non-streaming body → events: JSON `result` (or a JSON string) → text; an `error` object → error; other JSON → json; non-JSON → text. */
export function eventsFromBody(body: string): InvokeEvent[] {
  if (body.trim() === '') return [];
  const parsed = parseJson(body);
  if (!parsed.ok) return [{ type: 'text', text: body }];
  const value = parsed.value;
  if (typeof value === 'string') return [{ type: 'text', text: value }];
  if (isRecord(value)) {
    if ('result' in value) {
      const result = value.result;
      return [typeof result === 'string' ? { type: 'text', text: result } : { type: 'json', value: result }];
    }
    if ('error' in value && value.error !== undefined && value.error !== null)
      return [{ type: 'error', message: errorMessage(value.error, value), value }];
  }
  return [{ type: 'json', value }];
}
