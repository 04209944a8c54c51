import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../../shared/base-command.js';
import { loadMessages } from '../../shared/messages.js';
import { openProject } from '../../shared/project.js';
import { runImport, type ImportCommandResult } from '../../operations/import.js';

const messages = loadMessages('import.runtime');

export type ImportRuntimeResult = Omit<ImportCommandResult, 'warnings'>;

export default class ImportRuntime extends AgentcoreCommand<ImportRuntimeResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    arn: Flags.string({ summary: messages.get('flags.arn.summary'), exclusive: ['id'] }),
    id: Flags.string({ summary: messages.get('flags.id.summary'), exclusive: ['arn'] }),
    region: Flags.string({ summary: messages.get('flags.region.summary') }),
    'from-file': Flags.string({ summary: messages.get('flags.from-file.summary'), helpValue: '<responses.json>' }),
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    target: Flags.string({ summary: messages.get('flags.target.summary'), helpValue: '<deploy-target>' }),
    'dry-run': Flags.boolean({ summary: messages.get('flags.dry-run.summary') }),
  };

  async run(): Promise<ImportRuntimeResult> {
    const { flags } = await this.parse(ImportRuntime);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { warnings: importWarnings, ...result } = await runImport(store, registry, {
      kind: 'runtime',
      arn: flags.arn,
      id: flags.id,
      region: flags.region,
      fromFile: flags['from-file'],
      name: flags.name,
      target: flags.target,
      dryRun: flags['dry-run'],
    });
    importWarnings.forEach((w) => this.addWarning(w));
    if (result.dryRun) {
      this.log(messages.get('dryRun', { name: result.name }));
      this.log(JSON.stringify(result.entry, null, 2));
    } else {
      this.log(messages.get('success', { name: result.name, count: result.targets?.length ?? 0 }));
    }
    return result;
  }
}
