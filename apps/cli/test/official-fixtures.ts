/** Fixtures of the side-by-side tests with the official CLI (official-cli.integration.test.ts). */
import { expect } from 'vitest';

/** `agentcore.json` exactly as the official `create --no-agent` writes it (its npm install of the CDK app is not needed here). */
export const OFFICIAL_SKELETON = (name: string) =>
  JSON.stringify(
    {
      $schema: 'https://schema.agentcore.aws.dev/v1/agentcore.json',
      name,
      version: 1,
      managedBy: 'CDK',
      tags: { 'agentcore:created-by': 'agentcore-cli', 'agentcore:project-name': name },
      runtimes: [],
      memories: [],
      knowledgeBases: [],
      credentials: [],
      evaluators: [],
      onlineEvalConfigs: [],
      agentCoreGateways: [],
      policyEngines: [],
      configBundles: [],
      abTests: [],
      harnesses: [],
      datasets: [],
      capacityProviders: [],
      payments: [],
    },
    null,
    2,
  );

/**
 * Lines of `after` not matched, in order, by the lines of `before` — fails the test if a line of `before` went
 * missing (the official file must survive as a subsequence).
 */
export function lineDiffAdditions(before: string, after: string): string[] {
  const b = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < b.length && line === b[i]) i++;
    else added.push(line);
  }
  expect(i, `line ${i + 1} of the official file is gone: ${b[i]}`).toBe(b.length);
  return added;
}

/** Official CLI commands (without --json) that make a project with every kind of resource this tool reads. */
export const officialSteps = (discovery: string): string[][] => [
  [
    ...['add', 'agent', '--name', 'Byo', '--type', 'byo', '--code-location', 'app/Byo', '--language', 'Python'],
    ...['--framework', 'Strands', '--model-provider', 'Bedrock', '--authorizer-type', 'CUSTOM_JWT'],
    ...['--discovery-url', discovery, '--allowed-clients', 'c1', '--client-id', 'c1', '--client-secret', 's1'],
  ],
  ['add', 'memory', '--name', 'Mem', '--strategies', 'SEMANTIC'],
  [
    ...['add', 'gateway', '--name', 'gw1', '--protocol-type', 'MCP', '--authorizer-type', 'CUSTOM_JWT'],
    ...['--discovery-url', discovery, '--allowed-audience', 'api://x', '--allowed-scopes', 'read'],
  ],
  [
    ...['add', 'credential', '--name', 'OutOauth', '--type', 'oauth', '--discovery-url', discovery],
    ...['--client-id', 'oc', '--client-secret', 'os', '--scopes', 'read,write'],
  ],
  ['add', 'credential', '--name', 'Key1', '--api-key', 'k'],
  [
    ...['add', 'gateway-target', '--gateway', 'gw1', '--name', 'mcpOauth', '--type', 'mcp-server'],
    ...['--endpoint', 'https://api.example.com/mcp', '--outbound-auth', 'oauth', '--credential-name', 'OutOauth'],
  ],
  [
    ...['add', 'gateway-target', '--gateway', 'gw1', '--name', 'mcpNone', '--type', 'mcp-server'],
    ...['--endpoint', 'https://api2.example.com/mcp'],
  ],
  [
    ...['add', 'gateway-target', '--gateway', 'gw1', '--name', 'oas', '--type', 'open-api-schema'],
    ...['--schema', 'oas.json', '--outbound-auth', 'api-key', '--credential-name', 'Key1'],
  ],
  ['add', 'harness', '--name', 'Har', '--model-provider', 'bedrock', '--model-id', 'anthropic.claude-v2'],
];
