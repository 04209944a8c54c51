import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentcoreError } from '@agentcore/schema';
import { errorText, successEnvelope, toCodedError, warningLine } from './envelope.js';

const dir = mkdtempSync(join(tmpdir(), 'kit-second-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A second, independent copy of the coded-error module, as a plugin with its own node_modules would load it. */
async function secondCopy(): Promise<typeof import('@agentcore/schema')> {
  const require = createRequire(import.meta.url);
  const errorsJs = join(require.resolve('@agentcore/schema/package.json'), '..', 'dist', 'errors.js');
  const copy = join(dir, 'errors.js');
  // errors.js and the modules it imports, with their source maps (the test runner reads them).
  for (const file of ['errors.js', 'url-redact.js', 'messages.js'].flatMap((f) => [f, `${f}.map`]))
    copyFileSync(join(errorsJs, '..', file), join(dir, file));
  return (await import(pathToFileURL(copy).href)) as typeof import('@agentcore/schema');
}

describe('toCodedError', () => {
  it('keeps code, message, actions and exit code of a coded error from another package copy', async () => {
    const other = await secondCopy();
    expect(other.AgentcoreError).not.toBe(AgentcoreError);
    const thrown = new other.AgentcoreError('ERR_ACME_DENIED', 'denied', { actions: ['Ask Acme.'], exitCode: 3 });
    expect(thrown instanceof AgentcoreError).toBe(false);
    const e = toCodedError(thrown, { commandId: 'acme:check' });
    expect(e.toJSON()).toEqual({
      name: 'AcmeDeniedError',
      code: 'ERR_ACME_DENIED',
      message: 'denied',
      actions: ['Ask Acme.'],
      details: {},
      exitCode: 3,
    });
  });

  it('turns an oclif parse error into ERR_USAGE with exit code 2 and the command help', () => {
    const parse = Object.assign(new Error('Nonexistent flag: --nope\nSee more help with --help'), {
      oclif: { exit: 2 },
    });
    const e = toCodedError(parse, { commandId: 'acme:check' });
    expect(e.code).toBe('ERR_USAGE');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('Nonexistent flag: --nope');
    expect(e.actions[0]).toBe('Run `agentcore acme check --help` for usage.');
  });

  it('turns any other error into ERR_INTERNAL naming who to report it to', () => {
    const e = toCodedError(new TypeError('boom'), { reportTo: 'acme-plugin' });
    expect(e.code).toBe('ERR_INTERNAL');
    expect(e.exitCode).toBe(1);
    expect(e.actions[0]).toContain('This is a bug in acme-plugin');
  });

  it('builds the uncoded cases with the given factory', () => {
    class HostError extends AgentcoreError {}
    const e = toCodedError('thrown string', { create: (code, message, o) => new HostError(code, message, o) });
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe('ERR_INTERNAL');
    expect(e.actions[0]).toBe('Run `agentcore --help` for usage.');
  });
});

describe('envelope text', () => {
  it('success envelope copies the warnings', () => {
    const warnings = ['w1'];
    const env = successEnvelope({ ok: true }, warnings);
    warnings.push('w2');
    expect(env).toEqual({ status: 0, result: { ok: true }, warnings: ['w1'] });
  });

  it('error text: code, message, one arrow line per action; warning line', () => {
    const e = new AgentcoreError('ERR_X', 'bad', { actions: ['one', 'two'] });
    expect(errorText(e)).toBe('Error (ERR_X): bad\n  → one\n  → two\n');
    expect(warningLine('careful')).toBe('Warning: careful\n');
  });
});
