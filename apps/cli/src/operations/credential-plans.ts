/** Applies the credentials a strategy asked for (e.g. the managed `{agent}-oauth`) inside a project update. */
import type { CredentialPlan } from '@agentcore/auth';
import type { ProjectConfig, UpdateContext } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';

export function applyCredentialPlans(
  draft: ProjectConfig,
  ctx: UpdateContext,
  plans: readonly CredentialPlan[] = [],
): string[] {
  const created: string[] = [];
  for (const plan of plans) {
    const existing = draft.credentials.find((c) => c.name === plan.credential.name);
    if (existing && plan.onExisting === 'error') {
      throw new CliError('ERR_DUPLICATE', `A credential named ${plan.credential.name} already exists.`, {
        actions: [
          `Remove it first with \`agentcore remove credential --name ${plan.credential.name}\`, or choose another name.`,
        ],
        details: { name: plan.credential.name },
      });
    }
    if (existing && existing.authorizerType !== plan.credential.authorizerType) {
      throw new CliError(
        'ERR_DUPLICATE',
        `Credential ${plan.credential.name} exists but is an ${existing.authorizerType}.`,
        {
          actions: [`Remove or rename the existing credential ${plan.credential.name}.`],
          details: { name: plan.credential.name },
        },
      );
    }
    if (!existing) {
      draft.credentials.push(plan.credential);
      created.push(plan.credential.name);
    }
    if (Object.keys(plan.secrets).length > 0) ctx.stageSecrets({ set: plan.secrets });
  }
  return created;
}
