/** `validate` reports the gateway targets `synth` cannot render, with the same reason synth gives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateResult } from '../src/operations/validate.js';
import { createSandbox, writeProjectFiles, type Sandbox } from './helpers.js';

describe('validate reports targets synth cannot render (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[]) => sb.run<ValidateResult>([...args, '--json'], { cwd: root });

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Syn', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Syn');
    await writeProjectFiles(root, ['tools.json'], '[]');
    await writeProjectFiles(root, ['model.json'], '{"smithy":"2.0"}');
    for (const args of [
      ['add', 'gateway', '--name', 'gw'],
      [
        ...['add', 'gateway-target', '--gateway', 'gw', '--name', 'fn', '--type', 'lambda-function-arn'],
        ...['--lambda-arn', 'arn:aws:lambda:us-east-1:123456789012:function:f', '--tool-schema-file', 'tools.json'],
      ],
      ['add', 'gateway-target', '--gateway', 'gw', '--name', 'sm', '--type', 'smithy-model', '--schema', 'model.json'],
    ]) {
      const r = await run(args);
      expect(r.exitCode, r.stdout).toBe(0);
    }
  });
  afterAll(() => sb.cleanup());

  it('has no such finding while synth can render every target', async () => {
    const r = await run(['validate']);
    expect(r.exitCode).toBe(0);
    expect(r.json?.result?.findings.filter((f) => f.code === 'TARGET_UNRENDERABLE')).toEqual([]);
  });

  it('names each target synth would refuse, and synth refuses exactly those', async () => {
    await writeFile(join(root, 'tools.json'), '{"not":"a list"}');
    await rm(join(root, 'model.json'));
    const r = await run(['validate']);
    expect(r.exitCode, r.stdout).toBe(0);
    const found = (r.json?.result?.findings ?? []).filter((f) => f.code === 'TARGET_UNRENDERABLE');
    expect(found.map((f) => [f.path, f.params.target])).toEqual([
      ['agentCoreGateways.0.targets.0', 'fn'],
      ['agentCoreGateways.0.targets.1', 'sm'],
    ]);
    expect(found[0]?.message).toContain('cannot render target fn of gateway gw');
    expect(found[1]?.message).toContain('model.json could not be read');
    expect(r.json?.warnings?.some((w) => w.includes('cannot render target sm'))).toBe(true);

    const synth = await sb.run(['synth', '--json'], { cwd: root });
    expect(synth.exitCode).toBe(1);
    expect(synth.json?.code).toBe('ERR_SYNTH_UNSUPPORTED');
    expect(synth.json?.message).toBe(found[0]?.params.problem);
  });
});
