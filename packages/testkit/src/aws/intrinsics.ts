/**
 * CloudFormation intrinsic functions, the forms templates of this repo use: `Ref`, `Fn::GetAtt`, `Fn::Sub` (string
 * and `[string, variables]`), `Fn::Join`, `Fn::Select`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).
 */

export interface ResolveContext {
  /** Parameters and pseudo parameters (`AWS::Region`, …) by name. */
  values: Record<string, string>;
  /** A resource's `Ref` value, undefined when unknown. */
  ref(logicalId: string): string | undefined;
  /** A resource's attribute, undefined when unknown. */
  getAtt(logicalId: string, attribute: string): string | undefined;
}

export class TemplateError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function intrinsic(v: unknown): [string, unknown] | undefined {
  if (!isRecord(v)) return undefined;
  const keys = Object.keys(v);
  const key = keys[0] ?? '';
  return keys.length === 1 && (key === 'Ref' || key.startsWith('Fn::')) ? [key, v[key]] : undefined;
}

function refValue(ctx: ResolveContext, name: string): string {
  const v = ctx.values[name] ?? ctx.ref(name);
  if (v === undefined) throw new TemplateError(`Unresolved reference ${name}`);
  return v;
}

function attValue(ctx: ResolveContext, logicalId: string, attribute: string): string {
  const v = ctx.getAtt(logicalId, attribute);
  if (v === undefined) throw new TemplateError(`Unresolved attribute ${logicalId}.${attribute}`);
  return v;
}

function sub(ctx: ResolveContext, text: string, vars: Record<string, unknown>): string {
  return text.replace(/\$\{(!?)([^}]+)\}/g, (_, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (name in vars) return String(resolve(vars[name], ctx));
    const dot = name.indexOf('.');
    if (dot > 0 && !(name in ctx.values)) return attValue(ctx, name.slice(0, dot), name.slice(dot + 1));
    return refValue(ctx, name);
  });
}

/** Resolve every intrinsic in `value`. Throws TemplateError on an unknown reference or function. */
export function resolve(value: unknown, ctx: ResolveContext): unknown {
  const fn = intrinsic(value);
  if (fn) {
    const [name, arg] = fn;
    switch (name) {
      case 'Ref':
        return refValue(ctx, String(arg));
      case 'Fn::GetAtt': {
        const [id, ...attr] = Array.isArray(arg) ? arg.map(String) : String(arg).split('.');
        return attValue(ctx, id ?? '', attr.join('.'));
      }
      case 'Fn::Sub': {
        if (typeof arg === 'string') return sub(ctx, arg, {});
        const [text, vars] = Array.isArray(arg) ? arg : [];
        return sub(ctx, String(text), isRecord(vars) ? vars : {});
      }
      case 'Fn::Join': {
        const [delimiter, parts] = Array.isArray(arg) ? arg : [];
        const list = resolve(parts, ctx);
        if (!Array.isArray(list)) throw new TemplateError('Fn::Join needs a list');
        return list.map(String).join(String(delimiter));
      }
      case 'Fn::Select': {
        const [index, parts] = Array.isArray(arg) ? arg : [];
        const list = resolve(parts, ctx);
        const i = Number(resolve(index, ctx));
        if (!Array.isArray(list) || !(i >= 0 && i < list.length))
          throw new TemplateError('Fn::Select index out of range');
        return list[i];
      }
      default:
        throw new TemplateError(`Template function ${name} is not supported by the stand-in`);
    }
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ctx)]));
  return value;
}

/** Logical ids `value` depends on (Ref, Fn::GetAtt, Fn::Sub names); parameters are filtered by the caller. */
export function dependencies(value: unknown, out = new Set<string>()): Set<string> {
  const fn = intrinsic(value);
  if (fn?.[0] === 'Ref') out.add(String(fn[1]));
  else if (fn?.[0] === 'Fn::GetAtt')
    out.add(Array.isArray(fn[1]) ? String(fn[1][0]) : (String(fn[1]).split('.')[0] ?? ''));
  else if (fn?.[0] === 'Fn::Sub') {
    const [text, vars] = typeof fn[1] === 'string' ? [fn[1], {}] : Array.isArray(fn[1]) ? fn[1] : ['', {}];
    for (const m of String(text).matchAll(/\$\{([^!}][^}.]*)[^}]*\}/g)) {
      if (!(isRecord(vars) && (m[1] ?? '') in vars)) out.add(m[1] ?? '');
    }
    dependencies(vars, out);
  } else if (Array.isArray(value)) value.forEach((v) => dependencies(v, out));
  else if (isRecord(value)) Object.values(value).forEach((v) => dependencies(v, out));
  return out;
}
