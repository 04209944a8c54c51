/**
 * kill -9 during `add agent` and `remove agent` (a quarter of the commands add or remove credentials) never leaves an
 * invalid config or an orphan app/ folder, and the next command finishes what a killed one left (built binary).
 * The trial itself (four projects in parallel, kills at named steps and after seeded random delays, checks after
 * every kill and every completed command) is in crash-trial.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';
import { runCrashTrial, SEED, WORKERS } from './crash-trial.js';

const KILLS_PER_WORKER = 25;

describe(`kill -9 during add agent / remove agent (mixed with credentials) (seed ${SEED})`, () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await createSandbox();
  });
  afterAll(() => sb.cleanup());

  it(`${WORKERS * KILLS_PER_WORKER} kills: 0 invalid configs, 0 unignored leftovers, 0 orphan folders`, async () => {
    await runCrashTrial(sb, { killsPerWorker: KILLS_PER_WORKER, agentShare: 0.75, seed: SEED }, [
      'add-agent',
      'remove-agent',
    ]);
  }, 240_000); // ≈ 25 s of CPU; the bound only guards against a hang on a machine shared by other jobs
});
