/**
 * Files of the official `agentcore/` layout that this tool does not use itself but the official CLI requires
 * (its `validate` and `status` fail with "Required file not found: aws-targets.json" without it). Written by
 * `create` so a new project opens in both tools.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@agentcore/schema';

/** Deployment targets (account/region pairs) of the official CLI; an empty list until one is added there. */
export const AWS_TARGETS_FILE = 'aws-targets.json';

/** Writes the official layout files missing from `configDir`; returns the paths it created. */
export async function writeOfficialLayoutFiles(configDir: string): Promise<string[]> {
  const file = join(configDir, AWS_TARGETS_FILE);
  if (existsSync(file)) return [];
  await writeFileAtomic(file, '[]\n');
  return [file];
}
