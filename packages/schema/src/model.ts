/**
 * A project model: the composed schema plus the cross-field rules, built once for a set of installed auth
 * variants. `parse` is pure (JSON value in, config out); file I/O lives in the store.
 */
import * as z from 'zod/mini';
import { composeProjectSchema, type ComposeOptions } from './compose.js';
import { ConfigValidationError, type ConfigIssue } from './errors.js';
import { migrateLegacyConfig } from './migrate.js';
import { CORE_RULES, outboundApplicability, type ProjectRule, type RuleIssue } from './rules.js';
import { BUILTIN_OUTBOUND } from './compose.js';
import type { ProjectConfig } from './types.js';
import { ensureZodEnglish } from './zod.js';
import { schemaMessages } from './messages.js';

ensureZodEnglish();

export interface ProjectModelOptions extends ComposeOptions {
  /** Extra cross-field rules (strategies contribute these). */
  rules?: readonly ProjectRule[];
}

export interface ParseResult {
  config: ProjectConfig;
  warnings: string[];
}

export interface ProjectModel {
  readonly schema: ReturnType<typeof composeProjectSchema>;
  /** Validate a JSON value; throws {@link ConfigValidationError} listing every issue. */
  parse(raw: unknown, file?: string): ParseResult;
  /** Like parse, but returns the issues instead of throwing. */
  check(raw: unknown): { config?: ProjectConfig; issues: ConfigIssue[]; warnings: string[] };
  /** JSON Schema (draft-07) of the composed model, for `$schema` and editors. */
  jsonSchema(): Record<string, unknown>;
}

/** Issues of a zod error (classic `zod` or `zod/mini`) as config issues with dotted paths. */
export function formatZodIssues(error: z.core.$ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue) => flattenIssue(issue, []));
}

function flattenIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): ConfigIssue[] {
  const path = [...prefix, ...issue.path];
  // A discriminated union whose discriminator matched reports the variant's own issues; surface those.
  if (issue.code === 'invalid_union' && issue.errors.length === 1) {
    return (issue.errors[0] ?? []).flatMap((inner) => flattenIssue(inner, path));
  }
  const message = issue.message;
  const installHint = /agentcore plugins install (\S+?)`/.exec(message);
  return [
    {
      path: path.map(String).join('.'),
      message,
      ...(installHint ? { action: schemaMessages().get('issue.InstallPlugin', { plugin: installHint[1] ?? '' }) } : {}),
    },
  ];
}

/** The composed schema's output is a ProjectConfig whose auth blocks the strategies own; zod cannot infer that statically. */
function validated(data: unknown): ProjectConfig {
  return data as ProjectConfig;
}

export function createProjectModel(options: ProjectModelOptions = {}): ProjectModel {
  const schema = composeProjectSchema(options);
  const rules: ProjectRule[] = [
    ...CORE_RULES,
    outboundApplicability([...BUILTIN_OUTBOUND, ...(options.outbound ?? [])]),
    ...(options.rules ?? []),
  ];

  function check(raw: unknown) {
    const migrated = migrateLegacyConfig(raw);
    const warnings = [...migrated.warnings];
    const parsed = schema.safeParse(migrated.raw);
    if (!parsed.success) return { issues: formatZodIssues(parsed.error), warnings };
    const config = validated(parsed.data);
    const issues: ConfigIssue[] = [];
    const report = (i: RuleIssue) => {
      if (i.severity === 'warning') warnings.push(`${i.path}: ${i.message}`);
      else issues.push({ path: i.path, message: i.message, ...(i.action ? { action: i.action } : {}) });
    };
    for (const rule of rules) rule(config, report);
    return issues.length > 0 ? { issues, warnings } : { config, issues, warnings };
  }

  return {
    schema,
    check,
    parse(raw, file = 'agentcore.json') {
      const result = check(raw);
      if (!result.config) throw new ConfigValidationError(file, result.issues);
      return { config: result.config, warnings: result.warnings };
    },
    jsonSchema() {
      const js = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >;
      return { ...js, title: 'agentcore project (agentcore/agentcore.json)' };
    },
  };
}
