// Types for tools/official-cli.mjs (used by the CLI's compatibility tests).
export const OFFICIAL_CLI_VERSION: string;
export const OFFICIAL_CLI_DIR: string;
export function officialEnv(home: string, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function ensureOfficialCli(options?: { timeoutMs?: number }): Promise<{ bin: string } | { skipped: string }>;
