import { AgentcoreCommand } from '../shared/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { validateProject, type ValidateResult } from '../operations/validate.js';

const messages = loadMessages('validate');

export type { ValidateResult };

export default class Validate extends AgentcoreCommand<ValidateResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');

  async run(): Promise<ValidateResult> {
    await this.parse(Validate);
    const { store, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const result = await validateProject(store);
    for (const w of result.modelWarnings) this.addWarning(w);
    for (const f of result.findings) this.addWarning(f.message);
    this.log(messages.get('success', { file: result.configFile, ...result.counts }));
    const count = result.modelWarnings.length + result.findings.length;
    if (count > 0) this.log(messages.get('success.warnings', { count }));
    return result;
  }
}
