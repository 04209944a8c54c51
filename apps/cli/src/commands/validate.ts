import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { validateProject, type ValidateResult } from '../operations/validate.js';

const messages = loadMessages('validate');

export type { ValidateResult };

export default class Validate extends AgentcoreCommand<ValidateResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    compat: Flags.string({ summary: messages.get('flags.compat.summary'), options: ['official'] }),
  };

  async run(): Promise<ValidateResult> {
    const { flags } = await this.parse(Validate);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const result = await validateProject(store, registry.credentialKinds);
    for (const w of result.modelWarnings) this.addWarning(w);
    for (const f of result.findings) this.addWarning(f.message);
    const compat = result.officialCompat;
    if (flags.compat === 'official' && compat.findings.length > 0) {
      throw new CliError(
        'ERR_INCOMPATIBLE',
        messages.get('compat.failed', {
          version: compat.version,
          count: compat.findings.length,
          list: compat.findings.map((f) => `  - ${f.message}`).join('\n'),
        }),
        {
          actions: messages.list('compat.failed.actions', { version: compat.version }),
          details: {
            file: result.configFile,
            fields: compat.findings.map(({ path, code, message }) => ({ path, code, message })),
          },
        },
      );
    }
    if (compat.findings.length > 0 && flags.compat === undefined)
      this.addWarning(
        messages.get('compat.note', {
          version: compat.version,
          count: compat.findings.length,
          first: compat.findings[0]?.path ?? '',
        }),
      );
    this.log(messages.get('success', { file: result.configFile, ...result.counts }));
    if (flags.compat === 'official') this.log(messages.get('compat.ok', { version: compat.version }));
    const count = result.modelWarnings.length + result.findings.length;
    if (count > 0) this.log(messages.get('success.warnings', { count }));
    return result;
  }
}
