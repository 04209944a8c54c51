/**
 * The `Changes` of a change set: logical resources diffed between the stack's template and the submitted one
 * (Add / Modify / Remove), with `Replacement` True / False / Conditional from the properties' update behaviour in
 * the resource specification (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-samples.html).
 * A resource whose own properties did not change but that references a replaced resource is a dynamic Modify.
 */
import { resourceSpec } from './spec.js';
import type { Template } from './template.js';

export interface ResourceChange {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement?: 'True' | 'False' | 'Conditional';
  Scope: string[];
  Details: {
    Target: { Attribute: 'Properties'; Name: string; RequiresRecreation: 'Never' | 'Conditionally' | 'Always' };
    Evaluation: 'Static' | 'Dynamic';
    ChangeSource: 'DirectModification' | 'ParameterReference' | 'ResourceReference' | 'ResourceAttribute';
    CausingEntity?: string;
  }[];
}

/** Stable JSON (sorted keys) so that key order never counts as a change. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Replace `Ref`s to parameters by their values, so a changed parameter shows as a changed property. */
function withParameters(v: unknown, params: Record<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => withParameters(x, params));
  if (typeof v !== 'object' || v === null) return v;
  const rec = v as Record<string, unknown>;
  if (Object.keys(rec).length === 1 && typeof rec.Ref === 'string' && rec.Ref in params)
    return { '(parameter)': params[rec.Ref] };
  return Object.fromEntries(Object.entries(rec).map(([k, x]) => [k, withParameters(x, params)]));
}

function replacementOf(details: ResourceChange['Details']): ResourceChange['Replacement'] {
  if (details.some((d) => d.Target.RequiresRecreation === 'Always')) return 'True';
  if (details.some((d) => d.Target.RequiresRecreation === 'Conditionally')) return 'Conditional';
  return 'False';
}

const mentions = (value: unknown, id: string): boolean => {
  const s = stable(value);
  return (
    s.includes(`"Ref":${JSON.stringify(id)}`) ||
    s.includes(`"Fn::GetAtt":[${JSON.stringify(id)}`) ||
    s.includes(`\${${id}`)
  );
};

export function computeChanges(
  before: { template?: Template; parameters: Record<string, string>; physicalIds: Record<string, string> },
  after: { template: Template; parameters: Record<string, string> },
): ResourceChange[] {
  const spec = resourceSpec();
  const old = before.template?.Resources ?? {};
  const changes: ResourceChange[] = [];
  const recreation = (type: string, prop: string) => spec.get(type)?.replacement.get(prop) ?? 'Never';
  for (const [id, r] of Object.entries(after.template.Resources)) {
    const prev = old[id];
    if (!prev) {
      changes.push({ Action: 'Add', LogicalResourceId: id, ResourceType: r.Type, Scope: [], Details: [] });
      continue;
    }
    const a = (withParameters(prev.Properties ?? {}, before.parameters) ?? {}) as Record<string, unknown>;
    const b = (withParameters(r.Properties ?? {}, after.parameters) ?? {}) as Record<string, unknown>;
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => stable(a[k]) !== stable(b[k]));
    if (!names.length && prev.Type === r.Type) continue;
    const details: ResourceChange['Details'] = names.map((name) => ({
      Target: {
        Attribute: 'Properties',
        Name: name,
        RequiresRecreation: prev.Type === r.Type ? recreation(r.Type, name) : 'Always',
      },
      Evaluation: 'Static',
      ChangeSource: 'DirectModification',
    }));
    changes.push({
      Action: 'Modify',
      LogicalResourceId: id,
      PhysicalResourceId: before.physicalIds[id],
      ResourceType: r.Type,
      Replacement: prev.Type === r.Type ? replacementOf(details) : 'True',
      Scope: ['Properties'],
      Details: details,
    });
  }
  addDynamicChanges(changes, after.template, before.physicalIds, recreation);
  for (const [id, r] of Object.entries(old)) {
    if (!(id in after.template.Resources)) {
      changes.push({
        Action: 'Remove',
        LogicalResourceId: id,
        PhysicalResourceId: before.physicalIds[id],
        ResourceType: r.Type,
        Scope: [],
        Details: [],
      });
    }
  }
  return changes;
}

/** Resources referencing a replaced resource change too (their value of Ref / GetAtt will be new). */
function addDynamicChanges(
  changes: ResourceChange[],
  t: Template,
  physicalIds: Record<string, string>,
  recreation: (type: string, prop: string) => 'Never' | 'Conditionally' | 'Always',
) {
  for (let grew = true; grew;) {
    grew = false;
    const replaced = changes
      .filter((c) => c.Action === 'Modify' && c.Replacement !== 'False')
      .map((c) => c.LogicalResourceId);
    for (const [id, r] of Object.entries(t.Resources)) {
      if (changes.some((c) => c.LogicalResourceId === id)) continue;
      const details: ResourceChange['Details'] = [];
      for (const [prop, value] of Object.entries(r.Properties ?? {})) {
        const cause = replaced.find((x) => mentions(value, x));
        if (cause) {
          details.push({
            Target: { Attribute: 'Properties', Name: prop, RequiresRecreation: recreation(r.Type, prop) },
            Evaluation: 'Dynamic',
            ChangeSource: 'ResourceReference',
            CausingEntity: cause,
          });
        }
      }
      if (!details.length) continue;
      const replacement = replacementOf(details);
      changes.push({
        Action: 'Modify',
        LogicalResourceId: id,
        PhysicalResourceId: physicalIds[id],
        ResourceType: r.Type,
        Replacement: replacement === 'True' ? 'Conditional' : replacement,
        Scope: ['Properties'],
        Details: details,
      });
      grew = true;
    }
  }
}
