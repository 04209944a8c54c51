/** Base of the `import <kind>` commands: the shared flags, and fetch → map → add (or preview) → report. */
import { Flags } from '@oclif/core';
import type { Messages } from '@agentcore/auth';
import { AgentcoreCommand } from './base-command.js';
import { openProject } from '../shared/project.js';
import { runImport, type ImportCommandResult } from '../operations/import.js';

/** What an `import <kind>` command returns: the operation's result, its warnings reported through the command. */
export type ImportResult = Omit<ImportCommandResult, 'warnings'>;

/** `--arn`, `--id`, `--region`, `--from-file`, `--name`, `--target`, `--dry-run`, with texts from the command's bundle. */
export function importFlags(messages: Messages) {
  return {
    arn: Flags.string({ summary: messages.get('flags.arn.summary'), exclusive: ['id'] }),
    id: Flags.string({ summary: messages.get('flags.id.summary'), exclusive: ['arn'] }),
    region: Flags.string({ summary: messages.get('flags.region.summary') }),
    'from-file': Flags.string({ summary: messages.get('flags.from-file.summary'), helpValue: '<responses.json>' }),
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    target: Flags.string({ summary: messages.get('flags.target.summary'), helpValue: '<deploy-target>' }),
    'dry-run': Flags.boolean({ summary: messages.get('flags.dry-run.summary') }),
  };
}

interface ImportFlagValues {
  arn?: string;
  id?: string;
  region?: string;
  'from-file'?: string;
  name?: string;
  target?: string;
  'dry-run': boolean;
}

export abstract class ImportCommand extends AgentcoreCommand<ImportResult> {
  /** Import, print the dry-run preview or the outcome, and report the project's and the import's warnings. */
  protected async import(
    kind: ImportCommandResult['kind'],
    flags: ImportFlagValues,
    messages: Messages,
  ): Promise<ImportResult> {
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { warnings: importWarnings, ...result } = await runImport(store, registry, {
      kind,
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
