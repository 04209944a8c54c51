/**
 * The API-key credential kind (`ApiKeyCredentialProvider`): one key, kept under the bare prefix
 * `AGENTCORE_CREDENTIAL_<NAME>`, deployed as an AgentCore Identity API-key credential provider
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/identity-outbound-credential-provider.html).
 */
import * as z from 'zod/mini';
import { CredentialNameNoReservedSuffixSchema } from '@agentcore/schema';
import { STRATEGY_CONTRACT_VERSION, type InputProblem } from '../contract.js';
import type { CredentialKind } from '../credential-kind.js';
import { kindMessages } from './messages.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function apiKeyCredentialKind(): CredentialKind {
  const m = kindMessages();
  return {
    authorizerType: 'ApiKeyCredentialProvider',
    cliName: 'api-key',
    summary: m.get('api-key.summary'),
    contractVersion: STRATEGY_CONTRACT_VERSION,
    fieldsSchema: z.strictObject({}),
    nameSchema: CredentialNameNoReservedSuffixSchema,
    secretFields: [{ flag: 'api-key', envSuffix: '' }],
    flags: [
      {
        name: 'api-key',
        kind: 'string',
        summary: m.get('api-key.flags.api-key.summary'),
        secret: true,
        env: 'AGENTCORE_API_KEY',
      },
    ],
    prompts: () => [{ flag: 'api-key', kind: 'secret', message: m.get('api-key.prompt.api-key') }],
    fromFlags(flags, ctx) {
      const nameCheck = CredentialNameNoReservedSuffixSchema.safeParse(ctx.name);
      const problems: InputProblem[] = nameCheck.success
        ? []
        : [{ flag: 'name', message: nameCheck.error.issues[0]?.message ?? m.get('api-key.problem.name') }];
      const apiKey = str(flags['api-key']);
      if (!apiKey)
        problems.push({
          flag: 'api-key',
          message: m.get('api-key.problem.missing'),
          action: m.get('api-key.problem.missing.action'),
        });
      if (problems.length > 0 || !apiKey) return { ok: false, problems };
      return { ok: true, fields: {}, secrets: { 'api-key': apiKey } };
    },
    identityProvider(_credential, secrets) {
      const apiKey = secrets['api-key'];
      return apiKey ? { kind: 'api-key', apiKey } : undefined;
    },
  };
}
