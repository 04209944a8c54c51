/** Shared pieces of the deploy tests: the AWS stand-in environment and the split of `--json` output. */
import { join } from 'node:path';
import type { AwsStandIn } from '@agentcore/testkit/aws';
import type { RunResult, Sandbox } from './helpers.js';

/**
 * The environment that points the CLI's AWS SDK at the stand-in and nowhere else: static keys (`accessKeyId` is the one
 * the S3 stand-in accepts unless a test injects another), the stand-in's region and endpoints, shared config and
 * credentials files that do not exist, no EC2 metadata lookup, and a short stack poll interval.
 */
export function standInEnv(sb: Sandbox, aws: AwsStandIn, accessKeyId = 'AKIDTEST'): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'stand-in-secret',
    AWS_REGION: aws.region,
    AWS_ENDPOINT_URL: aws.url,
    ...(aws.s3Url ? { AWS_ENDPOINT_URL_S3: aws.s3Url } : {}),
    AWS_SHARED_CREDENTIALS_FILE: join(sb.dir, 'no-credentials'),
    AWS_CONFIG_FILE: join(sb.dir, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AGENTCORE_DEPLOY_POLL_MS: '10',
  };
}

/** deploy/destroy --json: NDJSON event lines first (`{"event":…}`), then the usual (pretty-printed) envelope. */

export type Envelope = NonNullable<RunResult['json']>;

export function splitDeployOutput(stdout: string): { events: Record<string, unknown>[]; envelope: Envelope } {
  const lines = stdout.split('\n');
  const events: Record<string, unknown>[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('{"event":'); i++)
    events.push(JSON.parse(lines[i] ?? '{}') as Record<string, unknown>);
  const rest = lines.slice(i).join('\n').trim();
  return { events, envelope: (rest ? JSON.parse(rest) : {}) as Envelope };
}

export function envelope(r: RunResult): Envelope {
  return splitDeployOutput(r.stdout).envelope;
}

/**
 * Adds the API-key credential `MyKey` (its value on stdin), the gateway `gw` and its mcpServer target `tools`
 * sending that key (`placement`: extra placement flags), each through `run` (which asserts success).
 */
export async function addKeyedGateway(
  run: (args: string[], input?: string) => Promise<unknown>,
  apiKey: string,
  placement: readonly string[] = [],
): Promise<void> {
  await run(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], apiKey);
  await run(['add', 'gateway', '--name', 'gw']);
  await run([
    ...['add', 'gateway-target', '--gateway', 'gw', '--name', 'tools', '--type', 'mcp-server'],
    ...['--endpoint', 'https://mcp.example.com/mcp', '--outbound-auth', 'api-key', '--credential-name', 'MyKey'],
    ...placement,
  ]);
}
