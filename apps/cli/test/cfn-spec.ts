/**
 * Checks synthesized CloudFormation against AWS's own resource specification, as shipped offline in
 * `@aws-cdk/aws-service-spec` (`db.json.gz`, the database the CDK generates its L1 classes from). This is our
 * stand-in for a real deploy on machines that cannot reach AWS: property names, required properties, primitive
 * types, enums (`allowedValues`) and nested type definitions are checked recursively; `Ref`/`Fn::GetAtt`
 * targets must exist (GetAtt attributes are checked against the spec too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

interface SpecType {
  type: string;
  allowedValues?: string[];
  element?: SpecType;
  types?: SpecType[];
  reference?: { $ref: string };
}
interface SpecProperty {
  type: SpecType;
  required?: boolean;
}
interface SpecTypeDefinition {
  $id: string;
  name: string;
  properties: Record<string, SpecProperty>;
}
interface SpecResource {
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, unknown>;
}

interface SpecDb {
  resources: Map<string, SpecResource>;
  types: Map<string, SpecTypeDefinition>;
}

let cached: SpecDb | undefined;

/** Load the database once per process (about half a second). */
export function loadSpec(): SpecDb {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
  const raw = JSON.parse(gunzipSync(readFileSync(join(dir, 'db.json.gz'))).toString('utf8')) as {
    schema: { resource: { entities: SpecResource[] }; typeDefinition: { entities: SpecTypeDefinition[] } };
  };
  cached = {
    resources: new Map(raw.schema.resource.entities.map((r) => [r.cloudFormationType, r])),
    types: new Map(raw.schema.typeDefinition.entities.map((t) => [t.$id, t])),
  };
  return cached;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isIntrinsic(v: unknown): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'));
}

function checkProperties(
  db: SpecDb,
  props: Record<string, SpecProperty>,
  value: unknown,
  path: string,
  out: string[],
): void {
  if (!isObject(value)) {
    out.push(`${path}: expected an object`);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    const spec = props[k];
    if (!spec) out.push(`${path}.${k}: unknown property (known: ${Object.keys(props).join(', ')})`);
    else checkValue(db, spec.type, v, `${path}.${k}`, out);
  }
  for (const [k, spec] of Object.entries(props))
    if (spec.required && !(k in value)) out.push(`${path}.${k}: required property missing`);
}

function checkValue(db: SpecDb, type: SpecType, value: unknown, path: string, out: string[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') out.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      else if (type.allowedValues && !type.allowedValues.includes(value))
        out.push(`${path}: ${value} is not one of ${type.allowedValues.join('|')}`);
      return;
    case 'number':
      if (typeof value !== 'number') out.push(`${path}: expected a number`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) out.push(`${path}: expected an integer`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${path}: expected a boolean`);
      return;
    case 'json':
      return;
    case 'array':
      if (!Array.isArray(value)) out.push(`${path}: expected an array`);
      else value.forEach((v, i) => type.element && checkValue(db, type.element, v, `${path}[${i}]`, out));
      return;
    case 'map':
      if (!isObject(value)) out.push(`${path}: expected a map`);
      else
        for (const [k, v] of Object.entries(value))
          if (type.element) checkValue(db, type.element, v, `${path}.${k}`, out);
      return;
    case 'ref': {
      const def = type.reference ? db.types.get(type.reference.$ref) : undefined;
      if (!def) out.push(`${path}: spec type ${type.reference?.$ref} missing`);
      else checkProperties(db, def.properties, value, path, out);
      return;
    }
    case 'union': {
      const attempts = (type.types ?? []).map((t) => {
        const o: string[] = [];
        checkValue(db, t, value, path, o);
        return o;
      });
      if (!attempts.some((a) => a.length === 0)) out.push(...(attempts[0] ?? [`${path}: matches no union member`]));
      return;
    }
    default:
      out.push(`${path}: spec type ${type.type} not handled by the checker`);
  }
}

/** Problems of one resource's `Properties` (empty when valid). */
export function validateResource(type: string, properties: unknown, path = type): string[] {
  const db = loadSpec();
  const resource = db.resources.get(type);
  if (!resource) return [`${path}: unknown resource type ${type}`];
  const out: string[] = [];
  checkProperties(db, resource.properties, properties, path, out);
  return out;
}

function collectIntrinsics(
  value: unknown,
  path: string,
  found: { path: string; ref?: string; getAtt?: [string, string] }[],
): void {
  if (Array.isArray(value)) value.forEach((v, i) => collectIntrinsics(v, `${path}[${i}]`, found));
  else if (isObject(value)) {
    if (typeof value.Ref === 'string') found.push({ path, ref: value.Ref });
    const ga = value['Fn::GetAtt'];
    if (Array.isArray(ga) && ga.length === 2) found.push({ path, getAtt: [String(ga[0]), String(ga[1])] });
    for (const [k, v] of Object.entries(value)) collectIntrinsics(v, `${path}.${k}`, found);
  }
}

/** Problems of a whole template: every resource, plus every Ref/GetAtt target. */
export function validateTemplate(template: {
  Parameters?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: unknown }>;
  Outputs?: unknown;
}): string[] {
  const out: string[] = [];
  const db = loadSpec();
  for (const [id, r] of Object.entries(template.Resources)) {
    if (!/^[A-Za-z0-9]{1,255}$/.test(id)) out.push(`${id}: logical IDs must be alphanumeric`);
    out.push(...validateResource(r.Type, r.Properties ?? {}, id));
  }
  const found: { path: string; ref?: string; getAtt?: [string, string] }[] = [];
  collectIntrinsics(template.Resources, 'Resources', found);
  collectIntrinsics(template.Outputs, 'Outputs', found);
  for (const f of found) {
    if (
      f.ref &&
      !(f.ref in (template.Parameters ?? {})) &&
      !(f.ref in template.Resources) &&
      !f.ref.startsWith('AWS::')
    )
      out.push(`${f.path}: Ref ${f.ref} resolves to nothing`);
    if (f.getAtt) {
      const [id, attr] = f.getAtt;
      const res = template.Resources[id];
      const spec = res ? db.resources.get(res.Type) : undefined;
      if (!spec) out.push(`${f.path}: GetAtt on unknown resource ${id}`);
      else if (!(attr in spec.attributes)) out.push(`${f.path}: ${res?.Type} has no attribute ${attr}`);
    }
  }
  return out;
}
