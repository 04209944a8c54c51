/**
 * Checks of `invoke`'s own arguments, before anything is read or sent: the prompt given once (positional or the
 * official `--prompt` spelling), and a session id AgentCore accepts (33–256 characters,
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/APIReference/API_InvokeAgentRuntime.html).
 */
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('invoke');

export const SESSION_ID_MIN = 33;
export const SESSION_ID_MAX = 256;

/** The prompt from the positional argument or `--prompt`; both at once is a usage error. */
export function promptArgument(positional: string | undefined, flag: string | undefined): string | undefined {
  if (positional !== undefined && flag !== undefined) {
    throw new CliError('ERR_USAGE', messages.get('error.PromptTwice'), {
      actions: messages.list('error.PromptTwice.actions'),
    });
  }
  return positional ?? flag;
}

export function checkSessionId(id: string | undefined): void {
  if (id === undefined || (id.length >= SESSION_ID_MIN && id.length <= SESSION_ID_MAX)) return;
  throw new CliError(
    'ERR_USAGE',
    messages.get('error.SessionId', { length: id.length, min: SESSION_ID_MIN, max: SESSION_ID_MAX }),
    {
      actions: messages.list('error.SessionId.actions', { min: SESSION_ID_MIN }),
      details: { length: id.length, min: SESSION_ID_MIN, max: SESSION_ID_MAX },
    },
  );
}
