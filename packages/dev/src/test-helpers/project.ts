/** Temp project folders for the emulator tests. */
import { cp, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig } from '@agentcore/schema';

export const TEMPLATES = fileURLToPath(new URL('../../../../apps/cli/templates/', import.meta.url));
export const INSPECT_AGENT = fileURLToPath(new URL('./inspect-agent.mjs', import.meta.url));

export async function tempProject(
  apps: Record<string, { from: string; file: string }>,
): Promise<{ root: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'agentcore-dev-test-'));
  for (const [name, { from, file }] of Object.entries(apps)) {
    await mkdir(join(root, 'app', name), { recursive: true });
    await cp(from, join(root, 'app', name, file));
  }
  await mkdir(join(root, 'agentcore'), { recursive: true });
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function config(partial: Partial<ProjectConfig>): ProjectConfig {
  return { name: 'DevTest', version: 1, runtimes: [], credentials: [], agentCoreGateways: [], ...partial };
}

/** Whether a process id is still alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds (a positive signal), failing after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not seen within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
