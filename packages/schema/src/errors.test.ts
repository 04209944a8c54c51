import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentcoreError, isAgentcoreError, SchemaError } from './errors.js';

const distErrors = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'errors.js');

describe('isAgentcoreError', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('recognises coded errors of this copy and rejects look-alikes', () => {
    expect(isAgentcoreError(new SchemaError('ERR_NOT_FOUND', 'x', { actions: ['do y'] }))).toBe(true);
    expect(isAgentcoreError(new AgentcoreError('ERR_ANY', 'x'))).toBe(true);
    // Same fields, no brand: a plain object or an Error with a `code` (like Node's system errors) is not coded.
    const shaped = { code: 'ERR_X', message: 'm', actions: [], exitCode: 1, toJSON: () => ({}) };
    expect(isAgentcoreError(shaped)).toBe(false);
    expect(isAgentcoreError(Object.assign(new Error('enoent'), { code: 'ENOENT' }))).toBe(false);
    expect(isAgentcoreError(undefined)).toBe(false);
    expect(isAgentcoreError('ERR_X')).toBe(false);
  });

  it('recognises a coded error built by a second copy of the package (as a plugin bundling its own copy would)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agentcore-second-copy-'));
    dirs.push(dir);
    // errors.js and the modules it imports, with their source maps (the test runner reads them).
    for (const file of ['errors.js', 'url-redact.js', 'messages.js'].flatMap((f) => [f, `${f}.map`]))
      await cp(join(dirname(distErrors), file), join(dir, file));
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    const copy = (await import(pathToFileURL(join(dir, 'errors.js')).href)) as typeof import('./errors.js');
    expect(copy.AgentcoreError).not.toBe(AgentcoreError);
    const err = new copy.SchemaError('ERR_DUPLICATE', 'from the copy', { actions: ['rename it'], exitCode: 3 });
    expect(err instanceof AgentcoreError).toBe(false);
    expect(isAgentcoreError(err)).toBe(true);
    if (!isAgentcoreError(err)) throw new Error('unreachable');
    expect(err.toJSON()).toMatchObject({ code: 'ERR_DUPLICATE', actions: ['rename it'], exitCode: 3 });
  });
});
