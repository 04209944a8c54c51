/**
 * Secret flag values: `-` reads stdin, an absent flag may come from an environment variable, and a literal value
 * on the command line is accepted with a warning (it lands in shell history). Values are never echoed.
 */
import { CliError } from '../shared/errors.js';
import { cliMessages } from '../shared/messages.js';

export interface SecretSource {
  flag: string;
  value: string | undefined;
  envName?: string;
}

export interface ResolvedSecret {
  value: string | undefined;
  warning?: string;
}

let stdinText: Promise<string> | undefined;

async function readStdin(flag: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliError('ERR_INVALID_INPUT', cliMessages.get('error.StdinIsTty', { flag }), {
      actions: cliMessages.list('error.StdinIsTty.actions', { flag }),
    });
  }
  stdinText ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  })();
  return stdinText;
}

export async function resolveSecret(
  source: SecretSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedSecret> {
  if (source.value === '-') {
    const v = (await readStdin(source.flag)).replace(/\r?\n$/, '');
    if (v === '')
      throw new CliError('ERR_INVALID_INPUT', cliMessages.get('error.EmptySecret', { flag: source.flag }), {
        actions: cliMessages.list('error.EmptySecret.actions'),
      });
    return { value: v };
  }
  if (source.value !== undefined) {
    return {
      value: source.value,
      warning: cliMessages.get('warning.SecretOnCommandLine', {
        flag: source.flag,
        env: source.envName ?? 'an environment variable',
      }),
    };
  }
  if (source.envName && env[source.envName]) return { value: env[source.envName] };
  return { value: undefined };
}
