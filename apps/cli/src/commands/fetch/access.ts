import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import { openProject } from '../../shared/project.js';
import { fetchAccess, type FetchAccessResult } from '../../operations/fetch-access.js';
import { isInteractive } from '../../tui/gate.js';

const messages = loadMessages('fetch.access');

export type FetchAccessCommandResult = FetchAccessResult;

export default class FetchAccess extends AgentcoreCommand<FetchAccessCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    type: Flags.string({ summary: messages.get('flags.type.summary'), options: ['agent', 'gateway'] }),
    'identity-name': Flags.string({ summary: messages.get('flags.identity-name.summary') }),
    target: Flags.string({ summary: messages.get('flags.target.summary') }),
    'no-cache': Flags.boolean({ summary: messages.get('flags.no-cache.summary') }),
  };

  async run(): Promise<FetchAccessCommandResult> {
    const { flags } = await this.parse(FetchAccess);
    const project = await openProject(this.config);
    project.warnings.forEach((w) => this.addWarning(w));
    const type = flags.type === 'agent' || flags.type === 'gateway' ? flags.type : undefined;
    // At a terminal without --name: pick from the project's agents and gateways; the token is then shown masked.
    const tui =
      flags.name === undefined && isInteractive({ json: this.jsonEnabled() })
        ? await import('../../tui/sessions.js')
        : undefined;
    const name = tui ? await tui.pickAccessResource(project, type) : flags.name;
    const { warnings, ...result } = await fetchAccess(project, {
      name,
      type,
      identityName: flags['identity-name'],
      deployTarget: flags.target,
      noCache: flags['no-cache'],
    });
    warnings.forEach((w) => this.addWarning(w));
    this.log(messages.get('result.header', { name: result.name, type: result.type, authType: result.authType }));
    if (result.url) this.log(messages.get('result.url', { url: result.url }));
    if (result.token !== undefined) {
      this.log(
        messages.get('result.expires', {
          expiresIn: result.expiresIn ?? '?',
          cached: result.fromCache ? messages.get('cached') : '',
        }),
      );
      this.log(tui ? tui.maskedTokenLine(result.token) : result.token);
    }
    if (result.message) this.log(result.message);
    return result;
  }
}
