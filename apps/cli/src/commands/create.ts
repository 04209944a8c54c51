import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { loadRegistry } from '../shared/strategies.js';
import { createProject, type CreateProjectResult } from '../operations/create-project.js';
import { checkCreateDir, dirError } from '../operations/create-dir.js';

const messages = loadMessages('create');

export type CreateResult = CreateProjectResult;

export default class Create extends AgentcoreCommand<CreateResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    name: Flags.string({ summary: messages.get('flags.name.summary'), required: true }),
    dir: Flags.directory({ summary: messages.get('flags.dir.summary'), default: '.' }),
  };

  async run(): Promise<CreateResult> {
    const { flags } = await this.parse(Create);
    const { registry, warnings } = await loadRegistry(this.config);
    warnings.forEach((w) => this.addWarning(w));
    checkCreateDir(flags.dir);
    const result = await createProject(registry.model(), { name: flags.name, dir: flags.dir }).catch((err: unknown) => {
      throw dirError(err, flags.dir);
    });
    this.log(messages.get('success', { name: result.name, root: result.root }));
    return result;
  }
}
