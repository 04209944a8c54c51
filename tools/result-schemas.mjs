/**
 * JSON Schemas (draft-07) of the CLI commands' `--json` results, from the return type of each command's `run()`.
 *
 * The schema is built from the TypeScript checker's resolved types, not from the type syntax, so result types that
 * embed types inferred from zod schemas (`z.infer<…>`, e.g. the agentcore.json entries) come out as plain objects.
 * What JSON can carry is kept: `undefined` members make a property optional, function-valued properties are left
 * out, objects allow no other properties unless the type has an index signature.
 */
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** Command source files under src/commands with their oclif ids (`add/credential.ts` → `add:credential`). */
export function commandFiles(cliRoot) {
  const base = join(cliRoot, 'src', 'commands');
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name))
        out.push({
          file: path,
          id: relative(base, path)
            .replace(/\.tsx?$/, '')
            .split(/[\\/]/)
            .join(':')
            // oclif's id of a topic's own command (`commands/plugins/index.ts`) is the topic.
            .replace(/:index$/, ''),
        });
    }
  };
  walk(base);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The `T` of `run(): Promise<T>` in the default-exported command class of `sourceFile`. */
function resultTypeNode(ts, sourceFile) {
  const cls = sourceFile.statements.find(
    (s) => ts.isClassDeclaration(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword),
  );
  const run = cls?.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText(sourceFile) === 'run');
  const promise = run?.type;
  const inner = promise && ts.isTypeReferenceNode(promise) ? promise.typeArguments?.[0] : undefined;
  if (!inner) throw new Error(`${sourceFile.fileName}: declare the command's run() as run(): Promise<ResultType>`);
  return inner;
}

/** Turns checker types into JSON Schema; `undefined` means "not representable in JSON" (functions, `undefined`). */
function schemaWriter(ts, checker, where) {
  const F = ts.TypeFlags;
  const visiting = new Set();

  const literal = (t) => {
    if (t.flags & F.StringLiteral || t.flags & F.NumberLiteral) return t.value;
    if (t.flags & F.BooleanLiteral) return t.intrinsicName === 'true';
    return undefined;
  };

  function union(types) {
    const present = types.filter((t) => !(t.flags & (F.Undefined | F.Void)));
    const hasTrue = present.some((t) => t.flags & F.BooleanLiteral && t.intrinsicName === 'true');
    const hasFalse = present.some((t) => t.flags & F.BooleanLiteral && t.intrinsicName === 'false');
    const rest = present.filter((t) => !(hasTrue && hasFalse && t.flags & F.BooleanLiteral));
    const parts = [];
    if (hasTrue && hasFalse) parts.push({ type: 'boolean' });
    const strings = rest.filter((t) => t.flags & F.StringLiteral).map(literal);
    const numbers = rest.filter((t) => t.flags & F.NumberLiteral).map(literal);
    if (strings.length) parts.push({ type: 'string', enum: [...new Set(strings)].sort() });
    if (numbers.length) parts.push({ type: 'number', enum: [...new Set(numbers)].sort((a, b) => a - b) });
    for (const t of rest.filter((t) => !(t.flags & (F.StringLiteral | F.NumberLiteral)))) {
      const s = write(t);
      if (s) parts.push(s);
    }
    const unique = [...new Map(parts.map((p) => [JSON.stringify(p), p])).values()];
    if (unique.length === 0) return undefined;
    return unique.length === 1 ? unique[0] : { anyOf: unique };
  }

  function object(t) {
    if (checker.getSignaturesOfType(t, ts.SignatureKind.Call).length && !t.getProperties().length) return undefined;
    if (visiting.has(t))
      throw new Error(`${where}: recursive result types are not supported (${checker.typeToString(t)})`);
    visiting.add(t);
    try {
      const properties = {};
      const required = [];
      for (const prop of checker.getPropertiesOfType(t).sort((a, b) => a.name.localeCompare(b.name))) {
        const type = checker.getTypeOfSymbol(prop);
        const s = write(type);
        if (!s) continue;
        properties[prop.name] = s;
        const optional =
          prop.flags & ts.SymbolFlags.Optional || (type.isUnion() && type.types.some((m) => m.flags & F.Undefined));
        if (!optional) required.push(prop.name);
      }
      const index = checker.getIndexInfosOfType(t).find((i) => i.keyType.flags & F.String);
      const out = { type: 'object', properties };
      if (required.length) out.required = required;
      out.additionalProperties = index ? (write(index.type) ?? {}) : false;
      return out;
    } finally {
      visiting.delete(t);
    }
  }

  function write(t) {
    if (t.flags & (F.Any | F.Unknown)) return {};
    if (t.flags & (F.Undefined | F.Void | F.Never)) return undefined;
    if (t.flags & F.Null) return { type: 'null' };
    if (t.flags & (F.StringLiteral | F.NumberLiteral | F.BooleanLiteral)) return { const: literal(t) };
    if (t.flags & F.String || t.flags & F.TemplateLiteral) return { type: 'string' };
    if (t.flags & F.Number) return { type: 'number' };
    if (t.flags & F.Boolean) return { type: 'boolean' };
    if (t.isUnion()) return union(t.types);
    if (t.isIntersection()) {
      // A branded primitive (`string & { __brand }`) is the primitive in JSON.
      const primitive = t.types.find((m) => m.flags & (F.String | F.Number | F.Boolean | F.StringLiteral));
      if (primitive) return write(primitive);
      return object(t);
    }
    if (checker.isTupleType(t)) {
      const items = checker.getTypeArguments(t).map((m) => write(m) ?? {});
      return { type: 'array', items, minItems: t.target.minLength, maxItems: items.length };
    }
    if (checker.isArrayType(t)) return { type: 'array', items: write(checker.getTypeArguments(t)[0]) ?? {} };
    if (t.flags & F.Object) return object(t);
    throw new Error(`${where}: no JSON Schema for ${checker.typeToString(t)}`);
  }

  return write;
}

/**
 * JSON Schemas of every command's `--json` result, keyed by command id: one TypeScript program over the CLI's
 * sources (workspace packages are read from their built `dist` declarations, so build first).
 */
export function generateSchemas(cliRoot) {
  const require = createRequire(import.meta.url);
  const ts = require('typescript');
  const configPath = join(cliRoot, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const files = commandFiles(cliRoot);
  const program = ts.createProgram({
    rootNames: files.map((f) => f.file),
    options: { ...parsed.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const schemas = {};
  for (const { file, id } of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new Error(`${file} is not part of the CLI's TypeScript program`);
    const node = resultTypeNode(ts, sourceFile);
    const body = schemaWriter(ts, checker, `${id} (${relative(cliRoot, file)})`)(checker.getTypeFromTypeNode(node));
    schemas[id] = { $schema: DRAFT, title: node.getText(sourceFile), ...(body ?? {}) };
  }
  return schemas;
}
