import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempProject {
  /** Project root (holds `agentcore/agentcore.json`). */
  root: string;
  configFile: string;
  /** The current `agentcore.json`, parsed. */
  readConfig(): Record<string, unknown>;
  /** Delete the folder. */
  remove(): void;
}

/**
 * An empty agentcore project (as `agentcore create` writes it) in a fresh temp folder; `config` fields override the
 * empty lists. Run commands with `cwd: project.root`, then `project.remove()`.
 */
export function createTempProject(name = 'PluginTest', config: Record<string, unknown> = {}): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-plugin-'));
  const configDir = join(root, 'agentcore');
  mkdirSync(configDir);
  const configFile = join(configDir, 'agentcore.json');
  const initial = { name, version: 1, runtimes: [], credentials: [], agentCoreGateways: [], ...config };
  writeFileSync(configFile, JSON.stringify(initial, null, 2) + '\n');
  return {
    root,
    configFile,
    readConfig: () => JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
