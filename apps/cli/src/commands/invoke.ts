import { readFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { InvokeError, type InvokeEvent } from '@agentcore/invoke';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { resolveSecret } from '../command-support/secrets.js';
import { runInvoke, type InvokeRunResult } from '../operations/invoke.js';
import { runInvokeTools, type ToolsResult } from '../operations/invoke-tools.js';
import { isInteractive } from '../tui/gate.js';
import { checkSessionId, promptArgument } from '../operations/invoke-args.js';

const messages = loadMessages('invoke');

export type InvokeCommandResult = InvokeRunResult | ToolsResult;

async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Human output of --list-tools / --tool: one tool per line, or the text of the tool's content. */
function printTools(result: ToolsResult): void {
  for (const t of result.tools ?? []) process.stdout.write(`${t.name}${t.description ? `  ${t.description}` : ''}\n`);
  for (const c of result.content ?? []) {
    const item = c as { type?: string; text?: string };
    process.stdout.write(
      item.type === 'text' && typeof item.text === 'string' ? `${item.text}\n` : `${JSON.stringify(c)}\n`,
    );
  }
}

export default class Invoke extends AgentcoreCommand<InvokeCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override args = { prompt: Args.string({ description: messages.get('args.prompt.description') }) };
  static override flags = {
    prompt: Flags.string({ summary: messages.get('flags.prompt.summary') }),
    runtime: Flags.string({ summary: messages.get('flags.runtime.summary'), exclusive: ['gateway'] }),
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary') }),
    'list-tools': Flags.boolean({ summary: messages.get('flags.list-tools.summary'), exclusive: ['tool'] }),
    tool: Flags.string({ summary: messages.get('flags.tool.summary') }),
    input: Flags.string({ summary: messages.get('flags.input.summary'), dependsOn: ['tool'] }),
    endpoint: Flags.string({ summary: messages.get('flags.endpoint.summary') }),
    'bearer-token': Flags.string({ summary: messages.get('flags.bearer-token.summary') }),
    'identity-name': Flags.string({ summary: messages.get('flags.identity-name.summary') }),
    'session-id': Flags.string({ summary: messages.get('flags.session-id.summary') }),
    'user-id': Flags.string({ summary: messages.get('flags.user-id.summary') }),
    header: Flags.string({
      char: 'H',
      multiple: true,
      multipleNonGreedy: true,
      summary: messages.get('flags.header.summary'),
    }),
    stream: Flags.boolean({ allowNo: true, default: true, summary: messages.get('flags.stream.summary') }),
    'no-cache': Flags.boolean({ summary: messages.get('flags.no-cache.summary') }),
    target: Flags.string({ summary: messages.get('flags.target.summary') }),
    'prompt-file': Flags.string({ summary: messages.get('flags.prompt-file.summary'), exclusive: ['prompt'] }),
  };

  async run(): Promise<InvokeCommandResult> {
    const { args, flags } = await this.parse(Invoke);
    const promptGiven = promptArgument(args.prompt, flags.prompt);
    checkSessionId(flags['session-id']);
    const bearer = await resolveSecret({
      flag: 'bearer-token',
      value: flags['bearer-token'],
      envName: 'AGENTCORE_BEARER_TOKEN',
    });
    if (bearer.warning) this.addWarning(bearer.warning);
    // Where to invoke and with which credentials: the same for tool calls, the chat screen and a prompt.
    const connection = {
      runtime: flags.runtime,
      endpoint: flags.endpoint,
      bearerToken: bearer.value,
      identityName: flags['identity-name'],
      sessionId: flags['session-id'],
      userId: flags['user-id'],
      headers: flags.header,
      noCache: flags['no-cache'],
      deployTarget: flags.target,
    };
    if (flags['list-tools'] || flags.tool !== undefined || flags.gateway !== undefined) {
      const pick = !flags['list-tools'] && flags.tool === undefined;
      const interactive = pick && isInteractive({ json: this.jsonEnabled() });
      if (pick && !interactive)
        throw new CliError('ERR_MISSING_FLAGS', messages.get('error.GatewayNeedsTool'), {
          actions: messages.list('error.GatewayNeedsTool.actions', { gateway: flags.gateway ?? '' }),
        });
      if (promptGiven !== undefined)
        throw new CliError('ERR_USAGE', messages.get('error.PromptWithTool'), {
          actions: messages.list('error.PromptWithTool.actions'),
        });
      const common = { ...connection, gateway: flags.gateway };
      // At a terminal, `--gateway G` alone: pick a tool and fill in its arguments.
      const { warnings, ...result } = interactive
        ? await (await import('../tui/sessions.js')).callToolInteractively(this.config, common)
        : await runInvokeTools(this.config, {
            ...common,
            listTools: flags['list-tools'],
            tool: flags.tool,
            input: flags.input,
          });
      warnings.forEach((w) => this.addWarning(w));
      return this.toolOutcome(result);
    }
    if (promptGiven === undefined && !flags['prompt-file'] && isInteractive({ json: this.jsonEnabled() })) {
      // At a terminal without a prompt: the chat screen, on the same `runInvoke` (loaded lazily, with ink).
      const { chatInteractively } = await import('../tui/sessions.js');
      const { warnings, ...result } = await chatInteractively(this.config, connection);
      warnings.forEach((w) => this.addWarning(w));
      return 'protocol' in result ? result : this.toolOutcome(result);
    }
    const prompt =
      promptGiven ??
      (flags['prompt-file']
        ? await readFile(flags['prompt-file'], 'utf8')
        : process.stdin.isTTY || flags['bearer-token'] === '-'
          ? ''
          : await readStdinText());
    if (prompt === '')
      throw new CliError('ERR_MISSING_FLAGS', messages.get('error.NoPrompt'), {
        actions: messages.list('error.NoPrompt.actions'),
      });
    let { runtime } = flags;
    if (runtime === undefined && isInteractive({ json: this.jsonEnabled() })) {
      // At a terminal, several agents and no --runtime: ask which one (scripts say --runtime).
      const { pickInvokeRuntime } = await import('../tui/sessions.js');
      runtime = await pickInvokeRuntime(this.config);
    }

    const json = this.jsonEnabled();
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let lastText = '';
    const print = (event: InvokeEvent): void => {
      if (json) return void process.stdout.write(JSON.stringify(event) + '\n');
      if (event.type === 'text') {
        process.stdout.write(event.text);
        if (event.text) lastText = event.text;
      } else if (event.type === 'json') {
        process.stdout.write(JSON.stringify(event.value) + '\n');
        lastText = '\n';
      } else {
        process.stderr.write(messages.get('agentError', { message: event.message }) + '\n');
      }
    };
    try {
      const { warnings, ...result } = await runInvoke(
        this.config,
        { ...connection, prompt, runtime, stream: flags.stream, signal: controller.signal },
        print,
      );
      warnings.forEach((w) => this.addWarning(w));
      if (!json && lastText !== '' && !lastText.endsWith('\n')) process.stdout.write('\n');
      if (result.sessionId) this.info(messages.get('info.session', { sessionId: result.sessionId }));
      if (result.error !== undefined) {
        throw new InvokeError('ERR_INVOKE_AGENT', messages.get('error.AgentError', { message: result.error }), {
          actions: messages.list('error.AgentError.actions'),
          details: { ...result },
        });
      }
      return result;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }

  /** Print a tool call's outcome (human output); a tool's `isError` fails the command after its content. */
  private toolOutcome(result: ToolsResult): ToolsResult {
    if (!this.jsonEnabled()) printTools(result);
    if (result.isError) {
      throw new InvokeError('ERR_INVOKE_TOOL', messages.get('error.ToolError', { tool: result.tool ?? '' }), {
        actions: messages.list('error.ToolError.actions'),
        details: { ...result },
      });
    }
    return result;
  }

  /** One JSON document per line, so the envelope follows the NDJSON events. */
  override logJson(json: unknown): void {
    process.stdout.write(JSON.stringify(json) + '\n');
  }
}
