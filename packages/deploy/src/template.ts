/** The template shape deploy works on (what `agentcore synth` emits), and small helpers over it. Pure. */
import { createHash } from 'node:crypto';

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, { Type: string; Description?: string; NoEcho?: boolean }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
  Outputs?: Record<string, { Description?: string; Value: unknown }>;
}

export const RUNTIME_TYPE = 'AWS::BedrockAgentCore::Runtime';
export const GATEWAY_TYPE = 'AWS::BedrockAgentCore::Gateway';
export const TARGET_TYPE = 'AWS::BedrockAgentCore::GatewayTarget';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parameter a `{Ref: P}` value names, when P is a parameter of the template. */
export function parameterRef(template: Template, value: unknown): string | undefined {
  if (!isObject(value) || Object.keys(value).length !== 1 || typeof value.Ref !== 'string') return undefined;
  return template.Parameters?.[value.Ref] ? value.Ref : undefined;
}

/** Recursively sort object keys (arrays keep their order), so equal templates serialize equally. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeysDeep(value[k])]),
    ) as T;
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every `Ref` target inside a value (parameters and resources alike). */
export function refsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (isObject(value)) {
    if (typeof value.Ref === 'string' && Object.keys(value).length === 1) out.add(value.Ref);
    else Object.values(value).forEach((v) => refsIn(v, out));
  }
  return out;
}

/** `^[A-Za-z][A-Za-z0-9-]{0,127}$`: CloudFormation's stack name rule. */
export const STACK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/** `agentcore-<project>` for the default target, `agentcore-<project>-<target>` otherwise; `_` becomes `-`. */
export function stackNameFor(projectName: string, target: string): string {
  const base = `agentcore-${projectName}${target === 'default' ? '' : `-${target}`}`;
  return base.replace(/_/g, '-');
}
