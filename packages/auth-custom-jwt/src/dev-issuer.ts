/**
 * The issuer of a running `agentcore dev --issuer`, read from `agentcore/.cli/dev-session.json` (written by
 * `@agentcore/dev` while the emulators run; URLs only). During such a session the emulators check CUSTOM_JWT tokens
 * against that issuer instead of the configured discovery URL, so `token inspect` does too — as `invoke` and
 * `fetch access` do.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findProjectRoot, projectPaths } from '@agentcore/schema';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The dev session's issuer discovery URL, when a session with `--issuer` runs for the project at `cwd`. */
export async function devSessionIssuer(cwd?: string): Promise<string | undefined> {
  try {
    const file = join(projectPaths(await findProjectRoot(cwd)).stateDir, 'dev-session.json');
    const info = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown; issuerDiscoveryUrl?: unknown };
    return typeof info.pid === 'number' && alive(info.pid) && typeof info.issuerDiscoveryUrl === 'string'
      ? info.issuerDiscoveryUrl
      : undefined;
  } catch {
    return undefined;
  }
}
