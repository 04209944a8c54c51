/** `agentcore schema`: the composed model's JSON Schema, written where `$schema` points, to --out, or printed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaResult } from '../src/operations/schema.js';
import { createSandbox, type Sandbox } from './helpers.js';

interface JsonSchema {
  $schema?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, unknown>;
}

describe('schema (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  const schemaFile = () => join(root, 'agentcore', 'agentcore.schema.json');

  beforeAll(async () => {
    sb = await createSandbox();
    await sb.run(['create', '--name', 'Demo', '--json']);
    root = join(sb.dir, 'Demo');
  });
  afterAll(() => sb.cleanup());

  it('writes agentcore/agentcore.schema.json, where the config $schema points', async () => {
    await rm(schemaFile());
    const r = await sb.run<SchemaResult>(['schema', '--json'], { cwd: join(root, 'app') });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result).toEqual({ file: schemaFile(), title: expect.any(String) });
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    expect(join(root, 'agentcore', config.$schema)).toBe(schemaFile());
    const schema = JSON.parse(await readFile(schemaFile(), 'utf8')) as JsonSchema;
    expect(schema.$schema).toMatch(/json-schema\.org\/draft-07/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'version', 'runtimes', 'credentials', 'agentCoreGateways']),
    );
  });

  it('includes the installed auth types', async () => {
    const text = await readFile(schemaFile(), 'utf8');
    for (const type of ['AWS_IAM', 'CUSTOM_JWT', 'API_KEY', 'GATEWAY_IAM_ROLE']) expect(text).toContain(`"${type}"`);
  });

  it('writes to --out', async () => {
    const r = await sb.run<SchemaResult>(['schema', '--out', 'out/s.json', '--json'], { cwd: sb.dir });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result?.file).toBe(join(sb.dir, 'out', 's.json'));
    expect(JSON.parse(await readFile(join(sb.dir, 'out', 's.json'), 'utf8'))).toHaveProperty('properties');
  });

  it('prints the schema outside a project without --out (stdout JSON without --json, in result with --json)', async () => {
    const plain = await sb.run(['schema'], { cwd: sb.dir });
    expect(plain.exitCode).toBe(0);
    expect((JSON.parse(plain.stdout) as JsonSchema).type).toBe('object');
    const json = await sb.run<SchemaResult>(['schema', '--json'], { cwd: sb.dir });
    expect(json.json?.result?.file).toBeUndefined();
    expect((json.json?.result?.schema as JsonSchema | undefined)?.type).toBe('object');
  });
});
