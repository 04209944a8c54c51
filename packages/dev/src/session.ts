/**
 * `agentcore/.cli/dev-session.json` (0600): how other commands (invoke, fetch access) in another shell find a
 * running `agentcore dev`. Written when the emulators are ready, removed on exit. Holds URLs only, never secrets.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectPaths, writeFileAtomic } from '@agentcore/schema';

export const DEV_SESSION_FILE = 'dev-session.json';

export interface DevSessionInfo {
  pid: number;
  /** `POST <runtimeUrl>/runtimes/<name>/invocations` (and `POST <runtimeUrl>/invocations` with one runtime). */
  runtimeUrl: string;
  /** Runtime name → its full invocation URL. */
  runtimes: Record<string, string>;
  /** Gateway name → its MCP endpoint URL. */
  gatewayUrls: Record<string, string>;
  /** Set with `--issuer`: CUSTOM_JWT authorizers point here for this session. */
  issuerDiscoveryUrl?: string;
  startedAt: string;
}

export function devSessionPath(root: string): string {
  return join(projectPaths(root).stateDir, DEV_SESSION_FILE);
}

export async function writeDevSession(root: string, info: DevSessionInfo): Promise<string> {
  const file = devSessionPath(root);
  await writeFileAtomic(file, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running session of the project, or undefined (no file, unreadable, or its process is gone). */
export async function readDevSession(root: string): Promise<DevSessionInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(devSessionPath(root), 'utf8')) as DevSessionInfo;
    return typeof info.pid === 'number' && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Synchronous, so it also runs from a process `exit` handler. Only removes the file if it is this process's. */
export function removeDevSessionSync(root: string, pid: number = process.pid): void {
  const file = devSessionPath(root);
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSessionInfo>;
    if (info.pid !== pid) return;
  } catch {
    return;
  }
  rmSync(file, { force: true });
}
