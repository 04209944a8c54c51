/** Base of the `remove <kind>` commands: the shared flags, and plan preview → apply → report. */
import { Flags } from '@oclif/core';
import type { Messages } from '@agentcore/auth';
import { AgentcoreCommand } from './base-command.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { describeRemoval, missingNameError, removeResource, type RemoveResult } from '../operations/remove.js';
import type { RemoveRequest } from '../operations/remove-plan.js';

const shared = loadMessages('remove');

/** `--name`, `--force`, `--dry-run`, with texts from the command's bundle. */
export function removeFlags(messages: Messages) {
  return {
    name: Flags.string({ summary: messages.get('flags.name.summary') }),
    force: Flags.boolean({ summary: messages.get('flags.force.summary') }),
    'dry-run': Flags.boolean({ summary: messages.get('flags.dry-run.summary') }),
  };
}

export abstract class RemoveCommand extends AgentcoreCommand<RemoveResult> {
  /** Plan, print the preview, apply (unless --dry-run) and print the outcome. */
  protected async remove(
    request: Omit<RemoveRequest, 'name'> & { name?: string },
    options: { force: boolean; dryRun: boolean },
    messages: Messages,
  ): Promise<RemoveResult> {
    const { store, registry, warnings } = await openProject(this.config);
    warnings.forEach((w) => this.addWarning(w));
    const { name } = request;
    if (!name) throw await missingNameError(store, request);
    const result = await removeResource(store, { ...request, name }, { ...options, kinds: registry.credentialKinds });
    this.log(shared.get(result.dryRun ? 'preview.header.dryRun' : 'preview.header'));
    for (const line of describeRemoval(result)) this.log(`  - ${line}`);
    if (!result.dryRun) this.log(messages.get('success', { name: result.name }));
    if (result.forced)
      this.addWarning(shared.get('warning.Forced', { by: [...new Set(result.blockedBy.map((b) => b.by))].join(', ') }));
    return result;
  }
}
