/** Validators for the official agentcore.json JSON Schemas kept beside this file (draft-07). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

const FIXTURES = fileURLToPath(new URL('./', import.meta.url));
export const OFFICIAL_SCHEMA_FILES = ['agentcore.schema.v1.json', 'agentcore-cli-0.30.0.schema.json'] as const;

/** `format: uri` as zod's `z.url()` means it: anything WHATWG URL parses with a scheme. */
function isUri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

export function officialValidators(): { file: string; validate: ValidateFunction }[] {
  return OFFICIAL_SCHEMA_FILES.map((file) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', { type: 'string', validate: isUri });
    // zod's toJSONSchema emits `format: starts_with` next to the `pattern` that does the real check.
    ajv.addFormat('starts_with', { type: 'string', validate: () => true });
    return { file, validate: ajv.compile(JSON.parse(readFileSync(FIXTURES + file, 'utf8')) as object) };
  });
}

export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
