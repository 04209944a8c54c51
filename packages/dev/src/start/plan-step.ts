/**
 * Step 1 of `startDev()`: what runs (the pure plan), refused when there is nothing to run or when another
 * `agentcore dev` of this project is still alive (its session file names a live pid).
 */
import type { ProjectConfig } from '@agentcore/schema';
import type { StrategyRegistry } from '@agentcore/auth';
import { DevError } from '../errors.js';
import { planDev, type DevPlan } from '../plan.js';
import { readDevSession } from '../session.js';

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
    throw new DevError('ERR_DEV_NOTHING_TO_RUN', 'This project has no runtimes or gateways to run locally.', {
      actions: ['Add an agent: agentcore add agent --name MyAgent --template node'],
    });
  }
  const running = options.sessionFile === false ? undefined : await readDevSession(options.root);
  if (running && running.pid !== process.pid) {
    throw new DevError(
      'ERR_DEV_SESSION_ACTIVE',
      `agentcore dev is already running for this project (pid ${running.pid}, ${running.runtimeUrl}).`,
      {
        actions: [`Use that session, or stop it first (Ctrl-C in its shell, or kill ${running.pid}).`],
        details: { pid: running.pid, runtimeUrl: running.runtimeUrl },
      },
    );
  }
  return plan;
}
