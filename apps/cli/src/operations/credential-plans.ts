/** Applies the credentials a strategy asked for (e.g. the managed `{agent}-oauth`) inside a project update. */
import type { CredentialPlan } from '@agentcore/auth';
import type { ProjectConfig, UpdateContext } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

export function applyCredentialPlans(
  draft: ProjectConfig,
  ctx: UpdateContext,
  plans: readonly CredentialPlan[] = [],
): string[] {
  const created: string[] = [];
  for (const plan of plans) {
    const existing = draft.credentials.find((c) => c.name === plan.credential.name);
    if (existing && plan.onExisting === 'error') {
      const m = loadMessages('add.credential');
      throw new CliError('ERR_DUPLICATE', m.get('error.CredentialExists', { name: plan.credential.name }), {
        actions: m.list('error.ManagedCredentialExists.actions', { name: plan.credential.name }),
        details: { name: plan.credential.name },
      });
    }
    if (existing && existing.authorizerType !== plan.credential.authorizerType) {
      const m = loadMessages('add.credential');
      const values = { name: plan.credential.name, type: existing.authorizerType };
      throw new CliError('ERR_DUPLICATE', m.get('error.CredentialOtherKind', values), {
        actions: m.list('error.CredentialOtherKind.actions', values),
        details: { name: plan.credential.name },
      });
    }
    if (!existing) {
      draft.credentials.push(plan.credential);
      created.push(plan.credential.name);
    }
    if (Object.keys(plan.secrets).length > 0) ctx.stageSecrets({ set: plan.secrets });
  }
  return created;
}
