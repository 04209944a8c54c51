/**
 * `agentcore deploy`: synth the project, then hand the template, code locations and credential values to
 * @agentcore/deploy, under the project lock (a second deploy of the same project is refused at once). The library
 * (and with it the AWS SDK) is imported here, on this command's path only.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import type { DeployEvent, DeployResult, Review } from '@agentcore/deploy';
import { fileSecretKeyProvider, withFileLock, type ProjectStore } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { deployInputs } from './deploy-inputs.js';

const messages = loadMessages('deploy');

/** How long a deploy waits for the project lock before refusing (another command holds it). */
export const DEPLOY_LOCK_WAIT_MS = 1000;
/**
 * Run `fn` under the project lock. The lock keeps itself fresh while held and is taken over only when its owner is
 * gone, so a long deploy needs nothing more; a second deploy waits at most DEPLOY_LOCK_WAIT_MS, then is refused.
 */
export function withDeployLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(lockFile, fn, { timeoutMs: DEPLOY_LOCK_WAIT_MS });
}

export interface DeployInput {
  target: string;
  profile?: string;
  region?: string;
  dryRun: boolean;
  /** `runtime=uri` pairs. */
  imageUris: readonly string[];
  pollMs?: number;
}

export interface DeployHooks {
  confirm(review: Review): Promise<boolean>;
  onEvent(e: DeployEvent): void;
}

export function parseImageUris(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i <= 0 || i === pair.length - 1)
      throw new CliError('ERR_USAGE', messages.get('error.ImageUriFormat', { value: pair }), {
        actions: messages.list('error.ImageUriFormat.actions'),
      });
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

export async function runDeploy(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: DeployInput,
  hooks: DeployHooks,
): Promise<DeployResult> {
  const imageUris = parseImageUris(input.imageUris);
  const { config } = await store.load();
  const prepared = await deployInputs(store, registry, config);
  const keys = fileSecretKeyProvider();
  const fingerprintKey = prepared.credentials.length ? await keys.writeKey() : new Uint8Array(32);
  const { deploy } = await import('@agentcore/deploy');
  const run = () =>
    deploy({
      project: config.name,
      target: input.target,
      root: store.paths.root,
      deployedStateFile: store.paths.deployedStateFile,
      ...prepared,
      imageUris,
      fingerprintKey,
      ...(input.profile ? { profile: input.profile } : {}),
      ...(input.region ? { region: input.region } : {}),
      dryRun: input.dryRun,
      confirm: hooks.confirm,
      onEvent: hooks.onEvent,
      ...(input.pollMs !== undefined ? { pollMs: input.pollMs } : {}),
    });
  if (input.dryRun) return run();
  return withDeployLock(store.paths.lockFile, run);
}
