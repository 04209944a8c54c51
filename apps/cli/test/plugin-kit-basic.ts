import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * What the authors of the generated plugin add in plugin-kit.e2e.test.ts: an outbound HTTP Basic strategy with its
 * own credential kind (a user name and a password, kept as `…_USERNAME` / `…_PASSWORD` in `.env.local`), written
 * only against `@agentcore/plugin-kit`. Both are local-only: AgentCore Identity has no Basic provider.
 */
export const BASIC_SOURCE = `import { Buffer } from 'node:buffer';
import {
  AgentcoreError,
  CredentialNameSchema,
  credentialEnvName,
  defineCredentialKind,
  defineOutboundStrategy,
  STRATEGY_CONTRACT_VERSION,
  type FlagValues,
} from '@agentcore/plugin-kit';
import { z } from 'zod';

const KIND = 'AcmeBasicCredentialProvider';
const text = (v: FlagValues[string]) => (typeof v === 'string' && v !== '' ? v : undefined);

/** \`add credential --type acme-basic\`: a user name and a password, both secret. */
export const basicCredentialKind = defineCredentialKind({
  authorizerType: KIND,
  cliName: 'acme-basic',
  summary: 'acme-basic — an HTTP Basic user name and password',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  fieldsSchema: z.object({}).strict(),
  secretFields: [
    { flag: 'username', envSuffix: '_USERNAME' },
    { flag: 'password', envSuffix: '_PASSWORD' },
  ],
  flags: [
    { name: 'username', kind: 'string', summary: 'HTTP Basic user name (acme-basic). Use - to read it from stdin, or set ACME_BASIC_USERNAME.', secret: true, env: 'ACME_BASIC_USERNAME' },
    { name: 'password', kind: 'string', summary: 'HTTP Basic password (acme-basic). Use - to read it from stdin, or set ACME_BASIC_PASSWORD.', secret: true, env: 'ACME_BASIC_PASSWORD' },
  ],
  prompts: () => [
    { flag: 'username', kind: 'secret', message: 'User name' },
    { flag: 'password', kind: 'secret', message: 'Password' },
  ],
  fromFlags(flags) {
    const username = text(flags.username);
    const password = text(flags.password);
    if (!username || !password)
      return {
        ok: false,
        problems: [{ flag: username ? 'password' : 'username', message: 'An acme-basic credential needs a user name and a password', action: 'Set ACME_BASIC_USERNAME and pass --password - with the password on stdin.' }],
      };
    return { ok: true, fields: {}, secrets: { username, password } };
  },
  localOnly: { reason: 'AgentCore Identity has no HTTP Basic credential provider.' },
});

export class AcmeBasicSecretError extends AgentcoreError<'ERR_ACME_BASIC_SECRET'> {}

type BasicAuth = { type: 'ACME_BASIC'; credentialName: string };

/** Sends \`Authorization: Basic base64(user:password)\` built from the credential's two values. */
export const basicStrategy = defineOutboundStrategy<BasicAuth>({
  type: 'ACME_BASIC',
  cliName: 'acme-basic',
  direction: 'outbound',
  summary: 'HTTP Basic with an acme-basic credential (local only)',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['mcpServer'],
  fieldsSchema: z.object({ credentialName: CredentialNameSchema }).strict(),
  credentialKind: KIND,
  localOnly: { reason: 'AgentCore gateways cannot send HTTP Basic credentials.' },
  fromFlags(flags) {
    const credentialName = text(flags['credential-name']);
    if (!credentialName)
      return { ok: false, problems: [{ flag: 'credential-name', message: 'ACME_BASIC needs --credential-name', action: 'Add one with \`agentcore add credential --type acme-basic\`.' }] };
    return { ok: true, config: { type: 'ACME_BASIC', credentialName } };
  },
  async resolveSecret(_config, input) {
    const name = input.credential.name;
    const username = await input.secrets.get(credentialEnvName(name, '_USERNAME'));
    const password = await input.secrets.get(credentialEnvName(name, '_PASSWORD'));
    if (!username || !password)
      throw new AcmeBasicSecretError('ERR_ACME_BASIC_SECRET', \`Credential \${name} has no user name or password in agentcore/.env.local.\`, {
        actions: [\`Add it again with \\\`agentcore add credential --type acme-basic --name \${name} --force\\\`.\`],
      });
    return { value: Buffer.from(\`\${username}:\${password}\`).toString('base64'), credentialName: name };
  },
  apply(request, _config, secret) {
    return { ...request, headers: { ...request.headers, authorization: \`Basic \${secret.value}\` } };
  },
  preview: (_config, endpoint) => \`POST \${endpoint}  header Authorization: Basic ****\`,
});
`;

/** The plugin's hook, now contributing the Basic strategy and its credential kind too. */
export const HOOK_SOURCE = `import type { CredentialKind, Strategy } from '@agentcore/plugin-kit';

export default async function strategies(): Promise<readonly (Strategy | CredentialKind)[]> {
  const { strategy } = await import('../strategy.js');
  const { basicStrategy, basicCredentialKind } = await import('../basic.js');
  return [strategy, basicStrategy, basicCredentialKind];
}
`;

/** `add gateway-target` for the Basic strategy on target `basic` of gateway `gw`. */
export const basicTarget = (credential: string, endpoint: string): string[] => [
  'add',
  'gateway-target',
  '--gateway',
  'gw',
  '--name',
  'basic',
  '--type',
  'mcp-server',
  '--endpoint',
  endpoint,
  '--outbound-auth',
  'acme-basic',
  '--credential-name',
  credential,
  '--json',
];

/** The first stdout line of `agentcore dev --json` (its ready envelope); rejects if it exits or takes over 60 s. */
export function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev not ready in 60 s:\n${stderr()}`)), 60_000);
    createInterface({ input: child.stdout ?? process.stdin }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`dev exited ${code}:\n${stderr()}`)));
  });
}
