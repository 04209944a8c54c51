/** `agentcore destroy`: delete what deploy created for one target, under the project lock. */
import type { DeployEvent, DestroyResult, DestroySummary } from '@agentcore/deploy';
import type { ProjectStore } from '@agentcore/schema';
import { withDeployLock } from './deploy.js';

export interface DestroyInput {
  target: string;
  profile?: string;
  region?: string;
  pollMs?: number;
}

export async function runDestroy(
  store: ProjectStore,
  input: DestroyInput,
  hooks: { confirm(summary: DestroySummary): Promise<boolean>; onEvent(e: DeployEvent): void },
): Promise<DestroyResult> {
  const { destroy } = await import('@agentcore/deploy');
  return withDeployLock(store.paths.lockFile, () =>
    destroy({
      target: input.target,
      deployedStateFile: store.paths.deployedStateFile,
      ...(input.profile ? { profile: input.profile } : {}),
      ...(input.region ? { region: input.region } : {}),
      ...(input.pollMs !== undefined ? { pollMs: input.pollMs } : {}),
      confirm: hooks.confirm,
      onEvent: hooks.onEvent,
    }),
  );
}
