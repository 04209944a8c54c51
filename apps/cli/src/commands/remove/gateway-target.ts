import { Flags } from '@oclif/core';
import { loadMessages } from '../../shared/messages.js';
import { RemoveCommand, removeFlags } from '../../command-support/remove-command.js';
import type { RemoveResult } from '../../operations/remove.js';

const messages = loadMessages('remove.gateway-target');

export type RemoveGatewayTargetResult = RemoveResult;

export default class RemoveGatewayTarget extends RemoveCommand {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    ...removeFlags(messages),
    gateway: Flags.string({ summary: messages.get('flags.gateway.summary') }),
  };

  async run(): Promise<RemoveGatewayTargetResult> {
    const { flags } = await this.parse(RemoveGatewayTarget);
    const request = {
      kind: 'gateway-target' as const,
      name: flags.name,
      ...(flags.gateway ? { gateway: flags.gateway } : {}),
    };
    return this.remove(request, { force: flags.force, dryRun: flags['dry-run'] }, messages);
  }
}
