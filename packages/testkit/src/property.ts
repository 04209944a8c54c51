/**
 * fast-check parameters shared by every property test in the repo, so that each run is replayable:
 *
 *   FC_SEED   the seed (an integer); without it: a fixed default under CI (`CI` set), a random one elsewhere
 *   FC_PATH   with FC_SEED, replays one counterexample (the `path` printed with it) instead of a fresh run
 *   FC_RUNS   scales every property's number of runs (`FC_RUNS=10` runs each 10× as many cases)
 *
 * On failure the error carries fast-check's report (seed, path, shrunk counterexample) and the command that
 * replays exactly that case. `tools/explore-properties.sh` runs the property tests with fresh random seeds.
 *
 *   await fc.assert(fc.asyncProperty(arb, check), propertyParams({ numRuns: 250 }));
 */
import { relative } from 'node:path';
import fc, { type Parameters, type RunDetails } from 'fast-check';
import { expect } from 'vitest';

/** The seed every property test uses under CI unless FC_SEED says otherwise. */
export const CI_SEED = 20_240_601;

export interface PropertySettings {
  seed: number;
  /** Where the seed came from. */
  source: 'FC_SEED' | 'CI' | 'random';
  path?: string;
  /** Multiplier for every property's `numRuns` (FC_RUNS, default 1). */
  scale: number;
}

const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';

/** Reads FC_SEED / FC_PATH / FC_RUNS / CI (pure: pass the environment). */
export function propertySettings(env: Readonly<Record<string, string | undefined>> = process.env): PropertySettings {
  const parsedSeed = env.FC_SEED === undefined || env.FC_SEED === '' ? undefined : Number(env.FC_SEED);
  if (parsedSeed !== undefined && !Number.isSafeInteger(parsedSeed))
    throw new TypeError(`FC_SEED must be an integer, got ${JSON.stringify(env.FC_SEED)}`);
  const scale = env.FC_RUNS === undefined || env.FC_RUNS === '' ? 1 : Number(env.FC_RUNS);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new TypeError(`FC_RUNS must be a positive number, got ${JSON.stringify(env.FC_RUNS)}`);
  const path = parsedSeed !== undefined && env.FC_PATH ? env.FC_PATH : undefined;
  if (parsedSeed !== undefined) return { seed: parsedSeed, source: 'FC_SEED', scale, ...(path ? { path } : {}) };
  if (truthy(env.CI)) return { seed: CI_SEED, source: 'CI', scale };
  return { seed: (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0, source: 'random', scale };
}

/** The shell command that replays one failing case of the current test. */
export function replayCommand(seed: number, path: string | undefined): string {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath ? relative(process.cwd(), testPath) : '<test file>';
  const leaf = (currentTestName ?? '').split(' > ').at(-1) ?? '';
  const pattern = leaf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'\\''");
  const pathPart = path ? ` FC_PATH='${path}'` : '';
  return `(cd ${process.cwd()} && FC_SEED=${seed}${pathPart} vitest run ${file} -t '${pattern}')`;
}

function report<T>(details: RunDetails<T>): void {
  if (!details.failed) return;
  const replay = replayCommand(details.seed, details.counterexamplePath ?? undefined);
  throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay this case:\n  ${replay}`, {
    cause: details.errorInstance,
  });
}

/**
 * Parameters for `fc.assert` / `fc.check`: the seed (and path) from {@link propertySettings}, `numRuns` scaled by
 * FC_RUNS, and a reporter that adds the replay command to fast-check's failure report.
 */
export function propertyParams<T>(
  params: Omit<Parameters<T>, 'seed' | 'path' | 'reporter' | 'asyncReporter'> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Parameters<T> {
  const settings = propertySettings(env);
  const numRuns = Math.max(1, Math.round((params.numRuns ?? 100) * settings.scale));
  return {
    ...params,
    numRuns,
    seed: settings.seed,
    ...(settings.path ? { path: settings.path } : {}),
    reporter: report<T>,
  };
}
