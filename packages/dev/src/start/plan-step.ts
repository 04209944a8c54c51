/**
 * Step 1 of `startDev()`: what runs (the pure plan), refused when there is nothing to run or when another
 * `agentcore dev` of this project is still alive (its session file names a live pid).
 */
import type { ProjectConfig } from '@agentcore/schema';
import type { StrategyRegistry } from '@agentcore/auth';
import { DevError } from '../errors.js';
import { planDev, type DevPlan } from '../plan.js';
import { readDevSession } from '../session.js';
import { devMessages } from '../messages.js';

export interface PlanStepOptions {
  root: string;
  config: ProjectConfig;
  registry: StrategyRegistry;
  runtimes?: readonly string[];
  gateways?: boolean;
  /** False: no session file is read or written (library use, several sessions side by side). */
  sessionFile?: boolean;
}

export async function planSession(options: PlanStepOptions): Promise<DevPlan> {
  const plan = planDev(options.config, options.registry, { runtimes: options.runtimes, gateways: options.gateways });
  if (!plan.runtimes.length && !plan.gateways.length) {
    throw new DevError('ERR_DEV_NOTHING_TO_RUN', devMessages().get('error.NothingToRun'), {
      actions: devMessages().list('error.NothingToRun.actions'),
    });
  }
  const running = options.sessionFile === false ? undefined : await readDevSession(options.root);
  if (running && running.pid !== process.pid) {
    const values = { pid: running.pid, url: running.runtimeUrl };
    throw new DevError('ERR_DEV_SESSION_ACTIVE', devMessages().get('error.SessionActive', values), {
      actions: devMessages().list('error.SessionActive.actions', values),
      details: { pid: running.pid, runtimeUrl: running.runtimeUrl },
    });
  }
  return plan;
}
