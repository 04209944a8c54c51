import { Flags } from '@oclif/core';
import type { DeployResult } from '@agentcore/deploy';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { runDeploy } from '../operations/deploy.js';
import { askYesNo, eventPrinter, pollMsFromEnv, reviewLines } from '../operations/deploy-output.js';

const messages = loadMessages('deploy');

export default class Deploy extends AgentcoreCommand<DeployResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    yes: Flags.boolean({ char: 'y', summary: messages.get('flags.yes.summary') }),
    'dry-run': Flags.boolean({ summary: messages.get('flags.dry-run.summary') }),
    profile: Flags.string({ summary: messages.get('flags.profile.summary'), helpValue: '<name>' }),
    region: Flags.string({ summary: messages.get('flags.region.summary'), helpValue: '<region>' }),
    target: Flags.string({ summary: messages.get('flags.target.summary'), default: 'default', helpValue: '<name>' }),
    'image-uri': Flags.string({
      summary: messages.get('flags.image-uri.summary'),
      multiple: true,
      helpValue: '<runtime>=<uri>',
    }),
  };

  async run(): Promise<DeployResult> {
    const { flags } = await this.parse(Deploy);
    const json = this.jsonEnabled();
    const terminal = process.stdin.isTTY === true && !json;
    if (!flags.yes && !flags['dry-run'] && !terminal)
      throw new CliError('ERR_USAGE', messages.get('error.ConfirmationRequired'), {
        actions: messages.list('error.ConfirmationRequired.actions'),
      });
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const pollMs = pollMsFromEnv();
    const result = await runDeploy(
      store,
      registry,
      {
        target: flags.target,
        profile: flags.profile,
        region: flags.region,
        dryRun: flags['dry-run'],
        imageUris: flags['image-uri'] ?? [],
        ...(pollMs ? { pollMs } : {}),
      },
      {
        onEvent: eventPrinter(json),
        confirm: async (review) => {
          if (!json) reviewLines(review).forEach((l) => process.stderr.write(`${l}\n`));
          return flags.yes || askYesNo(messages.get('prompt.confirm'));
        },
      },
    );
    if (result.status === 'dry-run' && !json) reviewLines(result.review).forEach((l) => this.log(l));
    this.log(messages.get(`result.${result.status}`, { stack: result.stackName, region: result.region }));
    return result;
  }
}
