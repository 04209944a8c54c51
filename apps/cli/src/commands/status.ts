import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { collectStatus, type StatusResult } from '../operations/status.js';
import { renderStatus } from '../operations/status-table.js';

const messages = loadMessages('status');
const deployMessages = loadMessages('deploy');

export type { StatusResult };

export default class Status extends AgentcoreCommand<StatusResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    aws: Flags.boolean({ summary: deployMessages.get('status.flags.aws.summary') }),
    profile: Flags.string({ summary: deployMessages.get('flags.profile.summary'), helpValue: '<name>' }),
    region: Flags.string({ summary: deployMessages.get('flags.region.summary'), helpValue: '<region>' }),
  };

  async run(): Promise<StatusResult> {
    const { flags } = await this.parse(Status);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { status, warnings: loadWarnings } = await collectStatus(
      store,
      registry,
      (type, err) =>
        this.addWarning(
          messages.get('warning.StrategyFailed', { type, reason: err instanceof Error ? err.name : 'error' }),
        ),
      flags.aws ? { profile: flags.profile, region: flags.region } : undefined,
    );
    loadWarnings.forEach((w) => this.addWarning(w));
    const kindName = (k: string) => registry.credentialKinds.find(k)?.kind.cliName ?? k;
    for (const line of renderStatus(status, kindName)) this.log(line);
    return status;
  }
}
