// Types for tools/local-registry.mjs (used by the CLI's end-to-end tests).
import type { ChildProcess } from 'node:child_process';

export const REPO_ROOT: string;
export function freePort(): Promise<number>;
export interface LocalRegistry {
  url: string;
  port: number;
  dir: string;
  pid: number;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}
export function startRegistry(options?: {
  dir?: string;
  port?: number;
  detached?: boolean;
  timeoutMs?: number;
}): Promise<LocalRegistry>;
export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  pjson: Record<string, any>;
}
export function workspacePackages(root?: string): WorkspacePackage[];
export function authFlag(registryUrl: string): string;
export function routedEnv(
  urls: { registryUrl: string; mirrorUrl: string; cacheDir: string },
  base?: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv;
export function npm(
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string>;
export function publishPackage(
  dir: string,
  registryUrl: string,
  options?: { tag?: string; env?: NodeJS.ProcessEnv },
): Promise<string>;
export function publishWorkspace(
  registryUrl: string,
  options?: { root?: string; env?: NodeJS.ProcessEnv },
): Promise<string[]>;
export interface LockfileEntry {
  version: string;
  resolved: string;
  integrity: string;
  [field: string]: unknown;
}
export function lockedEntries(lockfile?: string): Map<string, Map<string, LockfileEntry>>;
export function lockedVersions(lockfile?: string): Map<string, Map<string, string>>;
export function compareVersions(a: string, b: string): number;
export function lockfilePackument(
  name: string,
  versions: Map<string, LockfileEntry>,
  base: string,
): { name: string; 'dist-tags': { latest: string }; versions: Record<string, Record<string, unknown>> } | undefined;
export interface CacheMirror {
  url: string;
  requests: { packuments: number; tarballs: number; misses: string[] };
  close(): Promise<void>;
}
export function startCacheMirror(options?: { cacheDir?: string; lockfile?: string }): Promise<CacheMirror>;
