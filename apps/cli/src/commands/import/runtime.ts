import { loadMessages } from '../../shared/messages.js';
import { ImportCommand, importFlags, type ImportResult } from '../../command-support/import-command.js';

const messages = loadMessages('import.runtime');

export type ImportRuntimeResult = ImportResult;

export default class ImportRuntime extends ImportCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = importFlags(messages);

  async run(): Promise<ImportRuntimeResult> {
    const { flags } = await this.parse(ImportRuntime);
    return this.import('runtime', flags, messages);
  }
}
