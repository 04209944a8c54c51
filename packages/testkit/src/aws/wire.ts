/**
 * The two wire protocols the stand-in speaks. AWS Query: form-encoded `Action=…&Version=…` with members as
 * `Name`, `Name.member.N` (lists), `Name.entry.N.key|value` (maps), `Name.Sub` (structures); answers in XML.
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html . REST-JSON: the operation comes from the method
 * and path, labels/query/body fill the input; answers in JSON with `x-amzn-ErrorType` on errors.
 * https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
import type { Member, OperationModel, Shape } from './model-check.js';

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Build the input object of a Query request from its form parameters, guided by the input shape. */
export function parseQueryInput(params: URLSearchParams, shape: Shape, problems: string[]): Record<string, unknown> {
  const used = new Set(['Action', 'Version']);
  const value = readQuery(params, '', shape, used, problems);
  for (const key of params.keys()) if (!used.has(key)) problems.push(`unknown parameter ${key}`);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function queryName(m: Member): string {
  return typeof m.traits.xmlName === 'string' ? m.traits.xmlName : m.name;
}

function readQuery(params: URLSearchParams, key: string, shape: Shape, used: Set<string>, problems: string[]): unknown {
  const raw = params.get(key);
  const mark = () => used.add(key);
  switch (shape.kind) {
    case 'struct':
    case 'union': {
      const out: Record<string, unknown> = {};
      for (const m of shape.members) {
        const v = readQuery(params, key ? `${key}.${queryName(m)}` : queryName(m), m.shape(), used, problems);
        if (v !== undefined) out[m.name] = v;
      }
      return key && Object.keys(out).length === 0 ? undefined : out;
    }
    case 'list': {
      if (raw === '') return mark() && [];
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const v = readQuery(params, `${key}.member.${i}`, shape.value.shape(), used, problems);
        if (v === undefined) return items.length ? items : undefined;
        items.push(v);
      }
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let i = 1; params.has(`${key}.entry.${i}.key`); i++) {
        used.add(`${key}.entry.${i}.key`);
        out[params.get(`${key}.entry.${i}.key`) ?? ''] = readQuery(
          params,
          `${key}.entry.${i}.value`,
          shape.value.shape(),
          used,
          problems,
        );
      }
      return Object.keys(out).length ? out : undefined;
    }
    default:
      if (raw === null) return undefined;
      mark();
      if (shape.kind === 'number') {
        if (!NUMBER.test(raw)) problems.push(`${key}: expected a number, got ${JSON.stringify(raw)}`);
        return Number(raw);
      }
      if (shape.kind === 'boolean') {
        if (raw !== 'true' && raw !== 'false') problems.push(`${key}: expected true or false`);
        return raw === 'true';
      }
      return raw;
  }
}

/** Match a REST-JSON request to one of the operations (by method and path template). */
export function matchRest(
  ops: Iterable<OperationModel>,
  method: string,
  path: string,
): { op: OperationModel; labels: Record<string, string> } | undefined {
  for (const op of ops) {
    if (!op.http || op.http.method !== method) continue;
    const template = op.http.path.split('?')[0] ?? '';
    const names: string[] = [];
    const pattern = template
      .replace(/[.*()[\]\\^$|]/g, '\\$&')
      .replace(/\{(\w+)(\+?)\}/g, (_, name: string, greedy) => {
        names.push(name);
        return greedy ? '(.+)' : '([^/]+)';
      });
    const m = new RegExp(`^${pattern}$`).exec(path);
    if (m) return { op, labels: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])) };
  }
  return undefined;
}

/** The input of a REST-JSON request: labels, query members and the JSON body, per the input shape. */
export function restInput(
  shape: Shape,
  labels: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
  problems: string[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const fromBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {};
  if (body !== undefined && Object.keys(fromBody).length === 0 && typeof body !== 'object') {
    problems.push('body: expected a JSON object');
  }
  if (shape.kind !== 'struct') return fromBody;
  for (const m of shape.members) {
    if (m.traits.httpLabel) input[m.name] = labels[m.name];
    else if (typeof m.traits.httpQuery === 'string') {
      const raw = query.get(m.traits.httpQuery);
      if (raw !== null) input[m.name] = m.shape().kind === 'number' ? Number(raw) : raw;
    } else if (typeof m.traits.httpHeader === 'string') continue;
    else if (m.name in fromBody) input[m.name] = (fromBody as Record<string, unknown>)[m.name];
  }
  const known = new Set(shape.members.map((m) => m.name));
  for (const k of Object.keys(fromBody)) if (!known.has(k)) input[k] = (fromBody as Record<string, unknown>)[k];
  return input;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XML for a value: arrays as `<member>` lists, Dates as ISO 8601, objects as nested elements. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export const QUERY_NAMESPACES: Record<string, string> = {
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export function queryResponse(service: string, action: string, result: unknown, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${QUERY_NAMESPACES[service] ?? ''}">` +
    `<${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function queryError(service: string, code: string, message: string, requestId: string, sender = true): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="${QUERY_NAMESPACES[service] ?? ''}"><Error>` +
    `<Type>${sender ? 'Sender' : 'Receiver'}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** A typed protocol error; the server renders it in the request's protocol. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
