import { AgentcoreCommand } from '../shared/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { collectStatus, type StatusResult } from '../operations/status.js';
import { renderStatus } from '../operations/status-table.js';

const messages = loadMessages('status');

export type { StatusResult };

export default class Status extends AgentcoreCommand<StatusResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');

  async run(): Promise<StatusResult> {
    await this.parse(Status);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { status, warnings: loadWarnings } = await collectStatus(store, registry, (type, err) =>
      this.addWarning(
        messages.get('warning.StrategyFailed', { type, reason: err instanceof Error ? err.name : 'error' }),
      ),
    );
    loadWarnings.forEach((w) => this.addWarning(w));
    for (const line of renderStatus(status)) this.log(line);
    return status;
  }
}
