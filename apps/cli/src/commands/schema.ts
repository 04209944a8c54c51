import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { loadRegistry } from '../shared/strategies.js';
import { exportSchema, serializeSchema, type SchemaResult } from '../operations/schema.js';

const messages = loadMessages('schema');

export type { SchemaResult };

export default class Schema extends AgentcoreCommand<SchemaResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    out: Flags.string({ summary: messages.get('flags.out.summary') }),
  };

  async run(): Promise<SchemaResult> {
    const { flags } = await this.parse(Schema);
    const { registry, warnings } = await loadRegistry(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const result = await exportSchema(registry.model(), { out: flags.out, cwd: process.cwd() });
    if (result.file) this.log(messages.get('success', { file: result.file }));
    else if (result.schema && !this.jsonEnabled()) process.stdout.write(serializeSchema(result.schema));
    return result;
  }
}
