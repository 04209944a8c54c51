import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Flags } from '@oclif/core';
import { AgentcoreError } from '@agentcore/schema';
import { AgentcoreCommandBase } from './command.js';

const root = fileURLToPath(new URL('..', import.meta.url));

class Check extends AgentcoreCommandBase<{ greeted: string }> {
  static override flags = { name: Flags.string({ required: true }), fail: Flags.boolean() };
  async run(): Promise<{ greeted: string }> {
    const { flags } = await this.parse(Check);
    this.addWarning('just so you know');
    if (flags.fail)
      throw new AgentcoreError('ERR_ACME_DENIED', `Acme denied ${flags.name}.`, { actions: ['Ask Acme.'] });
    return { greeted: flags.name };
  }
}

async function run(argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number | undefined }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  // oclif prints results through console.log
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void (stdout += format(...args) + '\n'));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
  try {
    await Check.run(argv, root);
  } catch {
    // oclif rethrows after catch() for human output; the printed text is what is checked
  } finally {
    vi.restoreAllMocks();
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}

afterEach(() => vi.restoreAllMocks());

describe('AgentcoreCommandBase', () => {
  it('--json success: {status: 0, result, warnings}', async () => {
    const r = await run(['--name', 'ann', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ status: 0, result: { greeted: 'ann' }, warnings: ['just so you know'] });
    expect(r.stderr).toBe('');
  });

  it('--json failure: the coded error with its actions and exit code', async () => {
    const r = await run(['--name', 'ann', '--fail', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'AcmeDeniedError',
      code: 'ERR_ACME_DENIED',
      message: 'Acme denied ann.',
      actions: ['Ask Acme.'],
      details: {},
      exitCode: 1,
    });
    expect(r.exitCode).toBe(1);
  });

  it('human failure: code, message and actions on stderr; warnings on stderr', async () => {
    const r = await run(['--name', 'ann', '--fail']);
    expect(r.stderr).toBe('Warning: just so you know\nError (ERR_ACME_DENIED): Acme denied ann.\n  → Ask Acme.\n');
  });

  it('a usage error exits 2 as ERR_USAGE, in --json too', async () => {
    const r = await run(['--json']);
    const body = JSON.parse(r.stdout) as { code: string; exitCode: number; actions: string[] };
    expect(body.code).toBe('ERR_USAGE');
    expect(body.exitCode).toBe(2);
    expect(r.exitCode).toBe(2);
  });
});
