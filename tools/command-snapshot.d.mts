// Types for tools/command-snapshot.mjs (used by the CLI's snapshot test).
export const REPO_ROOT: string;
export const CLI_ROOT: string;
export const SNAPSHOT_FILE: string;
export const SCHEMAS_DIR: string;
export const UPDATE_COMMAND: string;

export interface SnapshotFlag {
  type: 'boolean' | 'option';
  char?: string;
  multiple?: boolean;
  options?: string[];
  [key: string]: unknown;
}
export interface SnapshotCommand {
  command: string;
  aliases: string[];
  flags: Record<string, SnapshotFlag>;
  args: Record<string, Record<string, unknown>>;
}
export type JsonSchema = Record<string, unknown>;

export function buildSnapshot(manifest: { commands: Record<string, unknown> }): SnapshotCommand[];
export function readManifest(cliRoot?: string): { commands: Record<string, unknown> };
export function diffSnapshots(committed: SnapshotCommand[], fresh: SnapshotCommand[]): string[];
export function schemaFileName(id: string): string;
export function generateSchemas(cliRoot?: string): Record<string, JsonSchema>;
export function serialize(value: unknown): string;
export function jsonDifferences(a: unknown, b: unknown): string[];
export function diffSchemas(fresh: Record<string, JsonSchema>, dir?: string): string[];
export function checkAll(options?: { cliRoot?: string }): string[];
export function updateAll(options?: { cliRoot?: string }): number;
