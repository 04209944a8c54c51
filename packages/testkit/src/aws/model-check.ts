/**
 * Requests checked against the services' own models: the static schemas that AWS SDK v3 clients ship
 * (`CreateChangeSet$`, `CreateChangeSetInput$`, … exported by each client). A structure schema is
 * `[3, namespace, name, traits, memberNames, memberSchemas, requiredCount]` (required members come first),
 * a list `[1, ns, name, traits, value]`, a map `[2, ns, name, traits, key, value]`, a union `[4, …]`, an
 * operation `[9, ns, name, traits, input, output]`; simple types are numbers (0 string, 1 number, 2 boolean,
 * 4–7 timestamps, 15 document, 17/19 big numbers, 21/42 blobs, `64|x` list of x, `128|x` map of x), and a member
 * is `[schema, traits]`. Nothing is hand-written per operation.
 */
import type { AwsServiceName } from './types.js';

type Traits = Record<string, unknown>;
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document' | 'unit' }
  | { kind: 'list'; value: Member }
  | { kind: 'map'; value: Member }
  | { kind: 'struct' | 'union'; name: string; members: Member[]; required: number };
export interface Member {
  name: string;
  traits: Traits;
  shape: () => Shape;
}
export interface OperationModel {
  service: AwsServiceName;
  name: string;
  http?: { method: string; path: string; code: number };
  input: () => Shape;
  output: () => Shape;
}

const TRAIT_BITS = ['httpLabel', 'idempotent', 'idempotencyToken', 'sensitive', 'httpPayload', 'httpResponseCode'];

function traitsOf(indicator: unknown): Traits {
  if (typeof indicator === 'object' && indicator !== null) return { ...indicator };
  const bits = typeof indicator === 'number' ? indicator : 0;
  return Object.fromEntries(TRAIT_BITS.flatMap((t, i) => ((bits >> i) & 1 ? [[t, 1]] : [])));
}

const deref = (ref: unknown): unknown => (typeof ref === 'function' ? deref((ref as () => unknown)()) : ref);

function simple(code: number): Shape {
  if (code >= 128) return { kind: 'map', value: { name: 'value', traits: {}, shape: () => simple(code & 63) } };
  if (code >= 64) return { kind: 'list', value: { name: 'member', traits: {}, shape: () => simple(code & 63) } };
  if (code === 0) return { kind: 'string' };
  if (code === 1 || code === 17 || code === 19) return { kind: 'number' };
  if (code === 2) return { kind: 'boolean' };
  if (code >= 4 && code <= 7) return { kind: 'timestamp' };
  if (code === 15) return { kind: 'document' };
  return { kind: 'blob' };
}

function member(name: string, ref: unknown): Member {
  let traits: Traits = {};
  let target = ref;
  while (Array.isArray(target) && target.length === 2) {
    traits = { ...traitsOf(target[1]), ...traits };
    target = target[0];
  }
  const own = deref(target);
  if (Array.isArray(own) && typeof own[3] === 'object' && own[3] !== null) traits = { ...own[3], ...traits };
  return { name, traits, shape: () => shapeOf(target) };
}

export function shapeOf(ref: unknown): Shape {
  const s = deref(ref);
  if (typeof s === 'number') return simple(s);
  if (!Array.isArray(s)) return { kind: 'unit' };
  const [kind, , name] = s as [number, string, string];
  if (kind === 0) return shapeOf(s[4]);
  if (kind === 1) return { kind: 'list', value: member('member', s[4]) };
  if (kind === 2) return { kind: 'map', value: member('value', s[5]) };
  const names = (s[4] ?? []) as string[];
  const refs = (s[5] ?? []) as unknown[];
  return {
    kind: kind === 4 ? 'union' : 'struct',
    name,
    members: names.map((n, i) => member(n, refs[i])),
    required: typeof s[6] === 'number' ? s[6] : 0,
  };
}

const SOURCES: Record<string, AwsServiceName> = {
  '@aws-sdk/client-cloudformation': 'cloudformation',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-bedrock-agentcore-control': 'bedrock-agentcore',
};

export type Models = Map<AwsServiceName, Map<string, OperationModel>>;
let cached: Promise<Models> | undefined;

/** Operation models of the three services, read from the installed clients (loaded once, lazily). */
export function loadModels(): Promise<Models> {
  cached ??= (async () => {
    const out: Models = new Map();
    for (const [pkg, service] of Object.entries(SOURCES)) {
      const mod = ((await import(pkg)) as { default: object }).default;
      const ops = new Map<string, OperationModel>();
      for (const [key, value] of Object.entries(mod)) {
        if (!key.endsWith('$') || !Array.isArray(value) || value[0] !== 9) continue;
        const traits = traitsOf(value[3]);
        const http = Array.isArray(traits.http) ? (traits.http as [string, string, number]) : undefined;
        ops.set(value[2] as string, {
          service,
          name: value[2] as string,
          http: http && { method: http[0], path: http[1], code: http[2] },
          input: () => shapeOf(value[4]),
          output: () => shapeOf(value[5]),
        });
      }
      out.set(service, ops);
    }
    return out;
  })();
  return cached;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems of `value` against `shape` (missing required members, unknown members, wrong types), with paths. */
export function checkValue(shape: Shape, value: unknown, path: string, out: string[]): void {
  const at = path || 'input';
  switch (shape.kind) {
    case 'string':
    case 'blob':
      if (typeof value !== 'string') out.push(`${at}: expected a string`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) out.push(`${at}: expected a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${at}: expected a boolean`);
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string' && !(value instanceof Date)) {
        out.push(`${at}: expected a timestamp`);
      }
      return;
    case 'document':
    case 'unit':
      return;
    case 'list':
      if (!Array.isArray(value)) out.push(`${at}: expected a list`);
      else value.forEach((v, i) => checkValue(shape.value.shape(), v, `${path}[${i}]`, out));
      return;
    case 'map':
      if (!isRecord(value)) out.push(`${at}: expected a map`);
      else for (const [k, v] of Object.entries(value)) checkValue(shape.value.shape(), v, `${path}.${k}`, out);
      return;
    default:
      checkStructure(shape, value, path, out);
  }
}

function checkStructure(shape: Extract<Shape, { members: Member[] }>, value: unknown, path: string, out: string[]) {
  const prefix = path ? `${path}.` : '';
  if (!isRecord(value)) {
    out.push(`${path || 'input'}: expected a structure ${shape.name}`);
    return;
  }
  const byName = new Map(shape.members.map((m) => [m.name, m]));
  shape.members.slice(0, shape.required).forEach((m) => {
    if (value[m.name] === undefined) out.push(`missing required member ${prefix}${m.name}`);
  });
  const present = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  if (shape.kind === 'union' && present.length !== 1) {
    out.push(`${path || 'input'}: a ${shape.name} union needs exactly one member, got ${present.length}`);
  }
  for (const [k, v] of present) {
    const m = byName.get(k);
    if (!m) out.push(`unknown member ${prefix}${k} (not in ${shape.name})`);
    else checkValue(m.shape(), v, `${prefix}${k}`, out);
  }
}
