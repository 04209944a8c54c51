/**
 * A2A (Agent2Agent) JSON-RPC over an AgentCore runtime's invocations URL: `message/stream` (Server-Sent Events,
 * each event a JSON-RPC response) or `message/send` (one JSON-RPC response). Text parts become `text` events as
 * they arrive; the request, auth and SSE reading are `invoke()`'s, so every protocol authenticates the same.
 * Spec: https://a2a-protocol.org/latest/specification/ (methods `message/send`, `message/stream`; result kinds
 * `message`, `task`, `status-update`, `artifact-update`).
 */
import { randomUUID } from 'node:crypto';
import { EventChannel } from './channel.js';
import { resolveInvokeUrl } from './endpoint.js';
import { InvokeError } from './errors.js';
import type { InvokeEvent } from './events.js';
import { invoke, type Invocation, type InvokeOptions, type InvokeResult } from './invoke.js';
import { invokeMessages } from './messages.js';

export interface A2aPart {
  kind: string;
  text?: string;
  [key: string]: unknown;
}

export interface A2aOptions extends Omit<InvokeOptions, 'payload'> {
  text: string;
  /** A2A conversation id (`contextId`), to continue an earlier exchange. */
  contextId?: string;
  /** `message/stream` (default) or `message/send`. */
  stream?: boolean;
}

export interface A2aResult extends InvokeResult {
  method: 'message/stream' | 'message/send';
  /** The A2A task or context ids the agent returned, when it did. */
  taskId?: string;
  contextId?: string;
  /** Last task state seen (`completed`, `failed`, `input-required`…). */
  state?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON-RPC request body. */
export function a2aRequest(text: string, method: A2aResult['method'], contextId?: string): Json {
  return {
    jsonrpc: '2.0',
    id: randomUUID(),
    method,
    params: {
      message: {
        kind: 'message',
        role: 'user',
        messageId: randomUUID(),
        parts: [{ kind: 'text', text }],
        ...(contextId ? { contextId } : {}),
      },
    },
  };
}

function partsOf(value: unknown): A2aPart[] {
  return Array.isArray(value) ? value.filter((p): p is A2aPart => isObject(p) && typeof p.kind === 'string') : [];
}

/** Pure: the parts of one A2A result object (message, task, status-update or artifact-update), in order. */
export function a2aParts(result: Json): A2aPart[] {
  const status = isObject(result.status) ? result.status : undefined;
  const statusParts = status && isObject(status.message) ? partsOf(status.message.parts) : [];
  switch (result.kind) {
    case 'message':
      return partsOf(result.parts);
    case 'status-update':
      return statusParts;
    case 'artifact-update':
      return isObject(result.artifact) ? partsOf(result.artifact.parts) : [];
    case 'task': {
      const artifacts = Array.isArray(result.artifacts) ? result.artifacts.filter(isObject) : [];
      return [...artifacts.flatMap((a) => partsOf(a.parts)), ...statusParts];
    }
    default:
      return [];
  }
}

/** Pure: one A2A result → invocation events (text parts as text, other parts as json). */
export function eventsFromA2aResult(result: Json): InvokeEvent[] {
  return a2aParts(result).map((p) =>
    p.kind === 'text' && typeof p.text === 'string' ? { type: 'text', text: p.text } : { type: 'json', value: p },
  );
}

interface Tracking {
  taskId?: string;
  contextId?: string;
  state?: string;
}

function track(result: Json, into: Tracking): void {
  const taskId = result.kind === 'task' ? result.id : result.taskId;
  if (typeof taskId === 'string') into.taskId = taskId;
  if (typeof result.contextId === 'string') into.contextId = result.contextId;
  const status = isObject(result.status) ? result.status : undefined;
  if (typeof status?.state === 'string') into.state = status.state;
}

function protocolError(url: string, what: string): InvokeError {
  return new InvokeError('ERR_INVOKE_PROTOCOL', invokeMessages().get('error.A2aProtocol', { what }), {
    actions: invokeMessages().list('error.A2aProtocol.actions'),
    details: { url },
  });
}

/** Send a text message to an A2A agent; events stream as the agent sends them. Errors are InvokeError. */
export function invokeA2a(options: A2aOptions): Invocation & { readonly result: Promise<A2aResult> } {
  const method = options.stream === false ? 'message/send' : 'message/stream';
  const inner = invoke({
    ...options,
    payload: a2aRequest(options.text, method, options.contextId),
    stream: method === 'message/stream',
  });
  const channel = new EventChannel<InvokeEvent>();
  const tracking: Tracking = {};
  let text = '';
  let error: string | undefined;
  const run = async (): Promise<A2aResult> => {
    for await (const event of inner) {
      // A JSON-RPC response: `{jsonrpc, id, result}` (streaming: one per SSE event) or, from `message/send`,
      // its `result` alone (invoke's body framing); JSON-RPC errors arrive as `error` events.
      if (event.type === 'json') {
        const value = isObject(event.value) && 'jsonrpc' in event.value ? event.value.result : event.value;
        if (!isObject(value))
          throw protocolError(resolveInvokeUrl(options.target), JSON.stringify(event.value).slice(0, 200));
        track(value, tracking);
        for (const e of eventsFromA2aResult(value)) {
          if (e.type === 'text') text += e.text;
          channel.push(e);
        }
      } else {
        if (event.type === 'error') error = event.message;
        if (event.type === 'text') text += event.text;
        channel.push(event);
      }
    }
    const base = await inner.result;
    return {
      ...base,
      text,
      method,
      ...(error !== undefined ? { error } : {}),
      ...(tracking.taskId ? { taskId: tracking.taskId } : {}),
      ...(tracking.contextId ? { contextId: tracking.contextId } : {}),
      ...(tracking.state ? { state: tracking.state } : {}),
    };
  };
  const result = run().then(
    (r) => {
      channel.close();
      return r;
    },
    (err: unknown) => {
      channel.close(err);
      throw err;
    },
  );
  result.catch(() => undefined);
  return { result, [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator]() };
}
