/**
 * Template checks CloudFormation runs when a change set is created: a JSON template with at least one resource,
 * references that resolve, parameters with values, the IAM capabilities acknowledged, no dependency cycle
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html). Messages are AWS's own.
 */
import { dependencies } from '../intrinsics.js';
import { AwsError } from '../wire.js';
import { hasAttribute } from './resources.js';
import { resourceSpec } from './spec.js';

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
}
export interface Template {
  Description?: string;
  Parameters?: Record<string, { Type?: string; Default?: unknown; NoEcho?: boolean | string }>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Export?: { Name: unknown } }>;
}
export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

export const PSEUDO = [
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::NoValue',
];

const invalid = (message: string) => new AwsError('ValidationError', message);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseTemplate(body: string): Template {
  let t: unknown;
  try {
    t = JSON.parse(body);
  } catch {
    throw invalid('Template format error: JSON not well-formed. (the stand-in reads JSON templates only)');
  }
  if (!isRecord(t) || !isRecord(t.Resources) || Object.keys(t.Resources).length === 0) {
    throw invalid('Template format error: At least one Resources member must be defined.');
  }
  for (const [id, r] of Object.entries(t.Resources)) {
    if (!isRecord(r) || typeof r.Type !== 'string')
      throw invalid(`Template format error: [/Resources/${id}] Every Resources object must contain a Type member.`);
  }
  if (!isTemplate(t)) throw invalid('Template format error: unsupported structure.');
  checkReferences(t);
  return t;
}

function isTemplate(t: Record<string, unknown>): t is Record<string, unknown> & Template {
  return isRecord(t.Resources) && Object.values(t.Resources).every((r) => isRecord(r) && typeof r.Type === 'string');
}

function checkReferences(t: Template): void {
  const params = new Set([...Object.keys(t.Parameters ?? {}), ...PSEUDO]);
  const unresolved = new Set<string>();
  const spec = resourceSpec();
  const visit = (value: unknown) => {
    for (const dep of dependencies(value)) if (!params.has(dep) && !(dep in t.Resources)) unresolved.add(dep);
    for (const [id, attr] of getAtts(value)) {
      const target = t.Resources[id];
      if (target && !hasAttribute(target.Type, attr, spec.get(target.Type))) {
        throw invalid(`Template error: resource ${id} does not support attribute type ${attr} in Fn::GetAtt`);
      }
    }
  };
  for (const r of Object.values(t.Resources)) visit(r.Properties);
  for (const o of Object.values(t.Outputs ?? {})) visit(o);
  if (unresolved.size) {
    throw invalid(
      `Template format error: Unresolved resource dependencies [${[...unresolved].join(', ')}] in the Resources block of the template`,
    );
  }
}

function getAtts(value: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v) => getAtts(v, out));
  else if (isRecord(value)) {
    const att = value['Fn::GetAtt'];
    if (att !== undefined && Object.keys(value).length === 1) {
      const [id, ...rest] = Array.isArray(att) ? att.map(String) : String(att).split('.');
      out.push([id ?? '', rest.join('.')]);
    } else Object.values(value).forEach((v) => getAtts(v, out));
  }
  return out;
}

/** Parameter values: given, else previous (UsePreviousValue), else Default; missing ones are an error. */
export function resolveParameters(
  t: Template,
  given: ParameterInput[],
  previous: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, p] of Object.entries(t.Parameters ?? {})) {
    const g = given.find((x) => x.ParameterKey === name);
    const value = g?.UsePreviousValue
      ? previous[name]
      : (g?.ParameterValue ?? (p.Default === undefined ? undefined : String(p.Default)));
    if (value === undefined) missing.push(name);
    else out[name] = value;
  }
  if (missing.length) throw invalid(`Parameters: [${missing.join(', ')}] must have values`);
  const unknown = given.filter((g) => g.ParameterKey && !(g.ParameterKey in (t.Parameters ?? {})));
  if (unknown.length)
    throw invalid(`Parameters: [${unknown.map((g) => g.ParameterKey).join(', ')}] do not exist in the template`);
  return out;
}

/** CAPABILITY_NAMED_IAM for IAM resources with custom names, CAPABILITY_IAM for other IAM resources. */
export function checkCapabilities(t: Template, acknowledged: string[]): void {
  const iam = Object.values(t.Resources).filter((r) => r.Type.startsWith('AWS::IAM::'));
  const named = iam.some((r) =>
    ['RoleName', 'UserName', 'GroupName', 'ManagedPolicyName'].some((k) => r.Properties?.[k] !== undefined),
  );
  const needed = named ? 'CAPABILITY_NAMED_IAM' : iam.length ? 'CAPABILITY_IAM' : undefined;
  if (!needed || acknowledged.includes('CAPABILITY_NAMED_IAM') || acknowledged.includes(needed)) return;
  throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${needed}]`);
}

/** Logical ids in creation order (dependencies first); a cycle is an error. */
export function creationOrder(t: Template): string[] {
  const deps = new Map<string, string[]>();
  for (const [id, r] of Object.entries(t.Resources)) {
    const on = typeof r.DependsOn === 'string' ? [r.DependsOn] : (r.DependsOn ?? []);
    deps.set(
      id,
      [...new Set([...dependencies(r.Properties), ...on])].filter((d) => d in t.Resources),
    );
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw invalid(`Circular dependency between resources: [${path.join(', ')}]`);
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) visit(d, [...path, d]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(t.Resources).sort()) visit(id, [id]);
  return order;
}

/** Direct dependencies of a resource on other resources of the template. */
export function resourceDependencies(t: Template, id: string): string[] {
  return [...dependencies(t.Resources[id]?.Properties)].filter((d) => d in t.Resources);
}
