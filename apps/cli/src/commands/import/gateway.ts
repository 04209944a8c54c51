import { loadMessages } from '../../shared/messages.js';
import { ImportCommand, importFlags, type ImportResult } from '../../command-support/import-command.js';

const messages = loadMessages('import.gateway');

export type ImportGatewayResult = ImportResult;

export default class ImportGateway extends ImportCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = importFlags(messages);

  async run(): Promise<ImportGatewayResult> {
    const { flags } = await this.parse(ImportGateway);
    return this.import('gateway', flags, messages);
  }
}
