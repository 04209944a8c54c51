/**
 * `destroy`: delete the stack (streaming its events), then the credential providers and the staging objects this
 * project's deploys created, then the target's deployed state. Each part tolerates what is already gone, so a
 * destroy interrupted half-way can be run again.
 */
import { deleteStagedObjects } from './assets.js';
import { awsClients } from './aws/clients.js';
import { resolveSession, type SessionOptions } from './aws/session.js';
import type { DeployEvent } from './deploy.js';
import { createDeployError } from './errors.js';
import { deleteProviders } from './identity.js';
import { deleteStack, describeStack, firstFailure, stackEventIds, waitForStack } from './stack.js';
import { clearTargetState, loadState, readMeta } from './state.js';

export interface DestroyOptions extends SessionOptions {
  target: string;
  deployedStateFile: string;
  /** Asked before anything is deleted; false cancels. */
  confirm: (summary: DestroySummary) => Promise<boolean>;
  onEvent?: (e: DeployEvent) => void;
  pollMs?: number;
}

export interface DestroySummary {
  stackName: string;
  region: string;
  /** Providers deploy created: deleted. */
  providers: string[];
  /** Providers that existed before the first deploy (deploy only updated them): kept. */
  providersKept: string[];
  stagingPrefix: string;
}

export interface DestroyResult extends DestroySummary {
  status: 'destroyed' | 'cancelled';
  objectsDeleted: number;
}

export async function destroy(options: DestroyOptions): Promise<DestroyResult> {
  const meta = readMeta(await loadState(options.deployedStateFile), options.target);
  if (!meta)
    throw createDeployError(
      'ERR_DEPLOY_NOT_DEPLOYED',
      'NotDeployed',
      { target: options.target },
      { target: options.target },
    );
  const session = await resolveSession({ ...options, region: options.region ?? meta.region });
  const summary: DestroySummary = {
    stackName: meta.stackName,
    region: session.region,
    providers: Object.values(meta.providers)
      .filter((p) => p.createdByDeploy === true)
      .map((p) => p.name),
    providersKept: Object.values(meta.providers)
      .filter((p) => p.createdByDeploy !== true)
      .map((p) => p.name),
    stagingPrefix: `s3://${meta.stagingBucket}/${meta.stagingPrefix}`,
  };
  if (!(await options.confirm(summary))) return { status: 'cancelled', ...summary, objectsDeleted: 0 };
  const clients = awsClients(session);
  try {
    const stack = await describeStack(clients, meta.stackName);
    if (stack) {
      const before = await stackEventIds(clients, stack.stackId);
      await deleteStack(clients, stack.stackId);
      const end = await waitForStack(clients, stack.stackId, before, {
        pollMs: options.pollMs ?? 5000,
        onEvent: (event) => options.onEvent?.({ type: 'stack', resource: event }),
      });
      if (end.status !== 'DELETE_COMPLETE') {
        const failed = firstFailure(end.events);
        throw createDeployError(
          'ERR_DEPLOY_STACK_FAILED',
          'DeleteFailed',
          {
            stack: meta.stackName,
            resource: failed?.logicalId ?? meta.stackName,
            reason: failed?.reason ?? end.status,
          },
          { stack: meta.stackName, status: end.status },
        );
      }
    }
    await deleteProviders(
      clients,
      Object.values(meta.providers).filter((p) => p.createdByDeploy === true),
    );
    const objectsDeleted = await deleteStagedObjects(clients, meta.stagingBucket, meta.stagingPrefix);
    await clearTargetState(options.deployedStateFile, options.target);
    return { status: 'destroyed', ...summary, objectsDeleted };
  } finally {
    clients.destroy();
  }
}
