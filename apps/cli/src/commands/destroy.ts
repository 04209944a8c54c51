import { Flags } from '@oclif/core';
import type { DestroyResult } from '@agentcore/deploy';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { runDestroy } from '../operations/destroy.js';
import { askYesNo, eventPrinter, pollMsFromEnv } from '../operations/deploy-output.js';

const messages = loadMessages('destroy');

export default class Destroy extends AgentcoreCommand<DestroyResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    yes: Flags.boolean({ char: 'y', summary: messages.get('flags.yes.summary') }),
    profile: Flags.string({ summary: messages.get('flags.profile.summary'), helpValue: '<name>' }),
    region: Flags.string({ summary: messages.get('flags.region.summary'), helpValue: '<region>' }),
    target: Flags.string({ summary: messages.get('flags.target.summary'), default: 'default', helpValue: '<name>' }),
  };

  async run(): Promise<DestroyResult> {
    const { flags } = await this.parse(Destroy);
    const json = this.jsonEnabled();
    if (!flags.yes && !(process.stdin.isTTY === true && !json))
      throw new CliError('ERR_USAGE', messages.get('error.ConfirmationRequired'), {
        actions: messages.list('error.ConfirmationRequired.actions'),
      });
    const { store, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const pollMs = pollMsFromEnv();
    const result = await runDestroy(
      store,
      { target: flags.target, profile: flags.profile, region: flags.region, ...(pollMs ? { pollMs } : {}) },
      {
        onEvent: eventPrinter(json),
        confirm: async (s) => {
          if (!json) {
            process.stderr.write(
              `${messages.get('summary.lines', { stack: s.stackName, region: s.region, providers: s.providers.join(', ') || messages.get('none'), prefix: s.stagingPrefix })}\n`,
            );
            if (s.providersKept.length > 0)
              process.stderr.write(`${messages.get('summary.kept', { providers: s.providersKept.join(', ') })}\n`);
          }
          return flags.yes || askYesNo(messages.get('prompt.confirm'));
        },
      },
    );
    this.log(messages.get(`result.${result.status}`, { stack: result.stackName, objects: result.objectsDeleted }));
    return result;
  }
}
