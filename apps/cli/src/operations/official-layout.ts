/**
 * Files of the official `agentcore/` layout that this tool does not use itself but the official CLI requires
 * (its `validate` and `status` fail with "Required file not found: aws-targets.json" without it). Written by
 * `create` so a new project opens in both tools.
 */
import { join } from 'node:path';

/** Deployment targets (account/region pairs) of the official CLI; an empty list until one is added there. */
export const AWS_TARGETS_FILE = 'aws-targets.json';

/** The official layout files `create` writes into `configDir`, each only where it does not exist yet. */
export function officialLayoutFiles(configDir: string): { path: string; data: string; replace: false }[] {
  return [{ path: join(configDir, AWS_TARGETS_FILE), data: '[]\n', replace: false }];
}
