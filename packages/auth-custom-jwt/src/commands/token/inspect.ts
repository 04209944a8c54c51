import { Args, Flags } from '@oclif/core';
import { AgentcoreCommandBase } from '@agentcore/plugin-kit/command';
import { inspectMessages as messages, inspectToken, type TokenInspectResult } from '../../token-inspect.js';

export type TokenInspectCommandResult = TokenInspectResult;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const MARKS: Readonly<Record<string, string>> = { pass: '✓', fail: '✗', skipped: '-' };

export default class TokenInspect extends AgentcoreCommandBase<TokenInspectCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override args = {
    token: Args.string({ description: messages.get('args.token.description'), required: true }),
  };
  static override flags = {
    agent: Flags.string({ summary: messages.get('flags.agent.summary'), exactlyOne: ['agent', 'gateway'] }),
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary'), exactlyOne: ['agent', 'gateway'] }),
    offline: Flags.boolean({ summary: messages.get('flags.offline.summary'), default: false }),
  };

  async run(): Promise<TokenInspectCommandResult> {
    const { args, flags } = await this.parse(TokenInspect);
    const token = args.token === '-' ? await readStdin() : args.token;
    const result = await inspectToken({ token, agent: flags.agent, gateway: flags.gateway, offline: flags.offline });
    if (result.rule === 'discovery' && !result.offline) {
      // The issuer could not be reached: the claims can still be checked without it.
      const hint = messages.get('warning.useOffline', { url: result.issuer.discoveryUrl });
      this.warnings.push(hint);
      if (!this.jsonEnabled()) process.stderr.write(`${messages.get('output.warning', { text: hint })}\n`);
    }
    if (result.issuer.source === 'dev-session')
      this.log(messages.get('output.devIssuer', { url: result.issuer.discoveryUrl }));
    for (const r of result.rules)
      this.log(messages.get('output.rule', { mark: MARKS[r.status] ?? '?', rule: r.rule, reason: r.reason }));
    this.log(
      result.decision === 'allow'
        ? messages.get('output.allow', { kind: result.resource.kind, name: result.resource.name })
        : messages.get('output.deny', { status: result.status, rule: result.rule ?? '', reason: result.reason ?? '' }),
    );
    return result;
  }
}
