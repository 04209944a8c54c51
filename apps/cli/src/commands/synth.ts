import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { runSynth, type SynthCommandResult } from '../operations/synth.js';

const messages = loadMessages('synth');

export type SynthResult = Omit<SynthCommandResult, 'warnings'>;

export default class Synth extends AgentcoreCommand<SynthResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    out: Flags.string({ char: 'o', summary: messages.get('flags.out.summary'), helpValue: '<file>' }),
    target: Flags.string({ summary: messages.get('flags.target.summary'), helpValue: '<deploy-target>' }),
  };

  async run(): Promise<SynthResult> {
    const { flags } = await this.parse(Synth);
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { warnings: synthWarnings, ...result } = await runSynth(store, registry, {
      out: flags.out,
      target: flags.target,
    });
    synthWarnings.forEach((w) => this.addWarning(w));
    if (result.out) {
      this.log(
        messages.get('success', {
          out: result.out,
          resources: Object.keys(result.resources).length,
          parameters: result.parameters.length,
        }),
      );
    } else if (!this.jsonEnabled()) {
      this.log(JSON.stringify(result.template, null, 2));
    }
    return result;
  }
}
