/**
 * kill -9 during `add credential` and `remove credential` (a quarter of the commands add or remove agents) never leaves
 * an invalid config or a secret write's temp file that git would stage (built binary).
 * The trial itself (four projects in parallel, kills at named steps and after seeded random delays, checks after
 * every kill and every completed command) is in crash-trial.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createSandbox, type Sandbox } from './helpers.js';
import { runCrashTrial, SEED, WORKERS } from './crash-trial.js';

const KILLS_PER_WORKER = 25;

describe(`kill -9 during add credential / remove credential (mixed with agents) (seed ${SEED})`, () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await createSandbox();
  });
  afterAll(() => sb.cleanup());

  it(`${WORKERS * KILLS_PER_WORKER} kills: 0 invalid configs, 0 unignored leftovers, 0 orphan folders`, async () => {
    await runCrashTrial(sb, { killsPerWorker: KILLS_PER_WORKER, agentShare: 0.25, seed: SEED }, [
      'add-credential',
      'remove-credential',
    ]);
  }, 240_000); // ≈ 25 s of CPU; the bound only guards against a hang on a machine shared by other jobs
});
