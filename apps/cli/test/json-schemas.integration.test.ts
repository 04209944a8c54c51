/**
 * Real `--json` results of the built CLI validate against the committed result schemas (apps/cli/schemas/), so a
 * schema cannot drift from what commands print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, schemaFileName } from '../../../tools/command-snapshot.mjs';
import { createSandbox, type RunResult, type Sandbox } from './helpers.js';

const ajv = new Ajv({ allErrors: true, strict: false });

function expectValid(id: string, r: RunResult): void {
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.json?.status).toBe(0);
  const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, schemaFileName(id)), 'utf8')) as object;
  const validate = ajv.compile(schema);
  const ok = validate(r.json?.result);
  expect(ok, `${id}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(r.json?.result)}`).toBe(true);
}

describe('--json results validate against the committed schemas (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  beforeAll(async () => {
    sb = await createSandbox();
    root = join(sb.dir, 'Shapes');
  });
  afterAll(() => sb.cleanup());

  it('create, add credential, add gateway, status, validate', async () => {
    expectValid('create', await sb.run(['create', '--name', 'Shapes', '--json']));
    const cred = await sb.run(['add', 'credential', '--name', 'Key', '--type', 'api-key', '--api-key', '-', '--json'], {
      cwd: root,
      input: 'not-a-real-key',
    });
    expectValid('add:credential', cred);
    expectValid('add:gateway', await sb.run(['add', 'gateway', '--name', 'tools', '--json'], { cwd: root }));
    expectValid(
      'add:agent',
      await sb.run(['add', 'agent', '--name', 'Echo', '--template', 'node', '--json'], { cwd: root }),
    );
    expectValid('status', await sb.run(['status', '--json'], { cwd: root }));
    expectValid('validate', await sb.run(['validate', '--json'], { cwd: root }));
  });

  it('a result that breaks its schema is refused (the check can fail)', () => {
    const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, schemaFileName('add:credential')), 'utf8')) as object;
    const validate = ajv.compile(schema);
    expect(validate({ name: 'Key', authorizerType: 'ApiKeyCredentialProvider', envKeys: [], replaced: false })).toBe(
      true,
    );
    expect(validate({ name: 'Key', authorizerType: 'ApiKeyCredentialProvider', envKeys: [] })).toBe(false);
    // authorizerType is any kind's stored name (plugins add kinds), but always a string.
    expect(validate({ name: 'Key', authorizerType: 42, envKeys: [], replaced: false })).toBe(false);
    expect(
      validate({ name: 'Key', authorizerType: 'ApiKeyCredentialProvider', envKeys: [], replaced: false, secret: 'x' }),
    ).toBe(false);
  });
});
