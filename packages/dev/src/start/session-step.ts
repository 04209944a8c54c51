/**
 * Step 6 of `startDev()`: the URLs of what runs, and `agentcore/.cli/dev-session.json` so that `invoke` and
 * `fetch access` in another shell find this session. Holds URLs only, never secrets.
 */
import { writeDevSession } from '../session.js';

export interface SessionUrls {
  runtimes: Record<string, string>;
  gateways: Record<string, string>;
}

/** Pure: runtime name → invocation URL, gateway name → MCP URL. */
export function sessionUrls(url: string, runtimes: readonly string[], gateways: readonly string[]): SessionUrls {
  return {
    runtimes: Object.fromEntries(runtimes.map((n) => [n, `${url}/runtimes/${encodeURIComponent(n)}/invocations`])),
    gateways: Object.fromEntries(gateways.map((n) => [n, `${url}/gateways/${encodeURIComponent(n)}/mcp`])),
  };
}

/** Writes the session file; returns its path. */
export function writeSessionFile(
  root: string,
  url: string,
  urls: SessionUrls,
  issuerDiscoveryUrl: string | undefined,
): Promise<string> {
  return writeDevSession(root, {
    pid: process.pid,
    runtimeUrl: url,
    runtimes: urls.runtimes,
    gatewayUrls: urls.gateways,
    ...(issuerDiscoveryUrl ? { issuerDiscoveryUrl } : {}),
    startedAt: new Date().toISOString(),
  });
}
