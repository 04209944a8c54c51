import { Flags } from '@oclif/core';
import { agentcoreConfigDir } from '@agentcore/schema';
import { disableTelemetry, statePath, type TelemetryState } from '@agentcore/telemetry';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';

const messages = loadMessages('telemetry.disable');

export interface TelemetryDisableResult {
  stored: TelemetryState;
  purged: boolean;
  stateFile: string;
}

export default class TelemetryDisable extends AgentcoreCommand<TelemetryDisableResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    purge: Flags.boolean({ summary: messages.get('flags.purge.summary') }),
  };

  async run(): Promise<TelemetryDisableResult> {
    const { flags } = await this.parse(TelemetryDisable);
    const dir = agentcoreConfigDir();
    const stored = await disableTelemetry(dir, { purge: flags.purge });
    this.log(messages.get('success'));
    if (flags.purge) this.log(messages.get('success.purged'));
    return { stored, purged: flags.purge, stateFile: statePath(dir) };
  }
}
